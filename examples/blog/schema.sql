-- The blog's production schema as it stands today (what `pg_dump -s` would give).
-- pgvigil loads it into its embedded Postgres before judging the migrations in migrations/.
-- Lines marked "expect: <rule-id>" are findings pgvigil must report; everything else is the good pattern.

CREATE TABLE users (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email      text NOT NULL,
  name       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE posts (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id    bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title        varchar(500) NOT NULL,
  body         text NOT NULL,
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  published_at timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now()
);
-- Covers posts.author_id (leading column) and the "latest posts of an author" query.
CREATE INDEX posts_author_id_created_at_idx ON posts (author_id, created_at DESC);
-- Partial index: only published posts are listed on the front page.
CREATE INDEX posts_published_at_idx ON posts (published_at DESC) WHERE status = 'published';

CREATE TABLE comments (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  post_id    bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  author_id  bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE, -- expect: require-fk-index
  body       text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_post_id_created_at_idx ON comments (post_id, created_at);

CREATE TABLE tags (
  id   bigserial PRIMARY KEY, -- an older table, still serial. expect: prefer-identity
  name text NOT NULL UNIQUE
);

CREATE TABLE post_tags (
  post_id bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
  tag_id  bigint NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  -- The primary key covers post_id; the second index covers tag_id.
  PRIMARY KEY (post_id, tag_id)
);
CREATE INDEX post_tags_tag_id_idx ON post_tags (tag_id);
