import { describe, expect, it } from 'vitest';
import { migrationRules } from '../../src/rules/registry.js';
import { bothModes, ruleLines } from './support/both-modes.js';

const SCHEMA = `CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (id bigint PRIMARY KEY, status text NOT NULL, title varchar(50) NOT NULL, author_id bigint, note text);
CREATE INDEX posts_status_idx ON posts (status);
CREATE INDEX posts_author_id_idx ON posts (author_id);
CREATE MATERIALIZED VIEW post_counts AS SELECT status, count(*) AS n FROM posts GROUP BY status;
CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE events_2024 (id bigint NOT NULL, at date NOT NULL);
CREATE UNIQUE INDEX authors_name_idx ON authors (name);
CREATE DOMAIN positive AS integer;
CREATE TABLE scores (id bigint PRIMARY KEY, points positive);
CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE moods (id bigint PRIMARY KEY, mood mood);
`;

/**
 * Migrations on which static mode must find exactly what semantic mode finds: the statement alone
 * decides. golang-migrate layout: one statement runs alone, several in one implicit transaction.
 */
const AGREE: Readonly<Record<string, string>> = {
  'CREATE INDEX on an existing table': 'CREATE INDEX posts_title_idx ON posts (title);',
  'an index on a table of the same migration':
    'CREATE TABLE likes (id bigint PRIMARY KEY, post_id bigint);\nCREATE INDEX likes_post_id_idx ON likes (post_id);',
  'CONCURRENTLY in a transaction':
    'CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);\nDROP INDEX CONCURRENTLY posts_status_idx;',
  'CREATE INDEX CONCURRENTLY alone': 'CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);',
  'work after ACCESS EXCLUSIVE':
    "ALTER TABLE posts ADD COLUMN score integer;\nUPDATE authors SET name = name || 'x';",
  'a backfill': "UPDATE posts SET note = 'x';",
  'a DELETE': 'DELETE FROM posts;',
  'UPDATE ... WHERE false touches nothing': "UPDATE posts SET note = 'x' WHERE false;",
  'DROP COLUMN': 'ALTER TABLE posts DROP COLUMN note;',
  'RENAME COLUMN': 'ALTER TABLE posts RENAME COLUMN note TO body;',
  'RENAME TABLE': 'ALTER TABLE authors RENAME TO writers;',
  'DROP TABLE': 'DROP TABLE authors CASCADE;',
  'ADD COLUMN NOT NULL without default': 'ALTER TABLE posts ADD COLUMN score integer NOT NULL;',
  'ADD COLUMN with a constant default': 'ALTER TABLE posts ADD COLUMN score integer NOT NULL DEFAULT 0;',
  'ADD COLUMN bigserial': 'ALTER TABLE posts ADD COLUMN seq bigserial;',
  'ADD COLUMN identity': 'ALTER TABLE posts ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;',
  'ADD COLUMN stored generated':
    'ALTER TABLE posts ADD COLUMN upper_title text GENERATED ALWAYS AS (upper(title)) STORED;',
  'ALTER COLUMN TYPE that rewrites': 'ALTER TABLE posts ALTER COLUMN author_id TYPE integer;',
  'VACUUM FULL': 'VACUUM FULL posts;',
  CLUSTER: 'CLUSTER posts USING posts_status_idx;',
  'SET UNLOGGED': 'ALTER TABLE posts SET UNLOGGED;',
  'DROP INDEX': 'DROP INDEX posts_status_idx;',
  REINDEX: 'REINDEX INDEX posts_status_idx;',
  'REFRESH MATERIALIZED VIEW': 'REFRESH MATERIALIZED VIEW post_counts;',
  'ADD FOREIGN KEY':
    'ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES authors (id);',
  'ADD FOREIGN KEY NOT VALID':
    'ALTER TABLE posts ADD CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES authors (id) NOT VALID;',
  'a new nullable FK column': 'ALTER TABLE posts ADD COLUMN editor_id bigint REFERENCES authors (id);',
  'ADD CHECK': "ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status <> '');",
  'VALIDATE in the same transaction':
    "ALTER TABLE posts ADD CONSTRAINT posts_status_check CHECK (status <> '') NOT VALID;\nALTER TABLE posts VALIDATE CONSTRAINT posts_status_check;",
  'SET NOT NULL': 'ALTER TABLE posts ALTER COLUMN note SET NOT NULL;',
  'SET NOT NULL on a column already NOT NULL': 'ALTER TABLE posts ALTER COLUMN status SET NOT NULL;',
  'ADD UNIQUE': 'ALTER TABLE posts ADD CONSTRAINT posts_title_key UNIQUE (title);',
  'ADD UNIQUE USING INDEX':
    'ALTER TABLE authors ADD CONSTRAINT authors_name_key UNIQUE USING INDEX authors_name_idx;',
  'a lock_timeout set first': "SET lock_timeout = '3s';\nALTER TABLE posts DROP COLUMN note;",
  'DETACH PARTITION': 'ALTER TABLE events DETACH PARTITION events_2023;',
  TRUNCATE: 'TRUNCATE posts;',
  'ALTER DOMAIN ADD CONSTRAINT': 'ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);',
  'ALTER DOMAIN SET NOT NULL': 'ALTER DOMAIN positive SET NOT NULL;',
  'ALTER DOMAIN DROP NOT NULL': 'ALTER DOMAIN positive DROP NOT NULL;',
  'a DO block that rewrites a table':
    'DO $$\nBEGIN\n  ALTER TABLE posts ALTER COLUMN author_id TYPE integer;\nEND\n$$;',
  'a DO block whose EXECUTE of a constant rewrites a table':
    "DO $$ BEGIN EXECUTE 'ALTER TABLE posts ALTER COLUMN author_id TYPE integer'; END $$;",
  'REINDEX SCHEMA': 'REINDEX SCHEMA public;',
  'COPY FROM STDIN after ACCESS EXCLUSIVE':
    'ALTER TABLE posts ADD COLUMN score integer;\nCOPY authors (id, name) FROM STDIN;\n-7\tcopied\n\\.',
  'a new enum value used in its transaction':
    "ALTER TYPE mood ADD VALUE 'calm';\nINSERT INTO moods (id, mood) VALUES (-1, 'calm');",
};

describe('static mode agrees with semantic mode where the statement alone decides', () => {
  const lint = bothModes();
  for (const [title, sql] of Object.entries(AGREE)) {
    it(title, async () => {
      const found = await lint({ 'schema.sql': SCHEMA, 'migrations/000001_change.up.sql': `${sql}\n` });
      expect(ruleLines(found.static)).toEqual(ruleLines(found.semantic));
      for (const d of found.static) expect(d.data?.mode).toBe('static');
    });
  }

  it('both see into DO blocks and REINDEX SCHEMA', async () => {
    for (const [title, rule] of [
      ['a DO block that rewrites a table', 'ban-table-rewrite'],
      ['a DO block whose EXECUTE of a constant rewrites a table', 'ban-table-rewrite'],
      ['REINDEX SCHEMA', 'require-concurrent-reindex-refresh'],
    ] as const) {
      const found = await lint({
        'schema.sql': SCHEMA,
        'migrations/000001_change.up.sql': `${AGREE[title]}\n`,
      });
      expect(
        found.semantic.map((d) => d.rule),
        title,
      ).toContain(rule);
      expect(
        found.static.map((d) => d.rule),
        title,
      ).toContain(rule);
    }
  });

  it('ATTACH PARTITION: both report the scan (semantic sees PostgreSQL refuse the synthetic rows outside the bound)', async () => {
    const found = await lint({
      'schema.sql': SCHEMA,
      'migrations/000001_attach.up.sql':
        "ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n",
    });
    const attach = (ds: typeof found.static) => ds.filter((d) => d.rule === 'require-attach-partition-check');
    expect(ruleLines(attach(found.static))).toEqual(ruleLines(attach(found.semantic)));
    expect(attach(found.static)).toHaveLength(1);
  });

  it('covers every migration rule with at least one case where both modes report it', async () => {
    const reported = new Set<string>(['require-attach-partition-check']);
    for (const sql of Object.values(AGREE)) {
      const found = await lint({ 'schema.sql': SCHEMA, 'migrations/000001_change.up.sql': `${sql}\n` });
      for (const d of found.static) reported.add(d.rule);
    }
    const uncovered = migrationRules.map((rule) => rule.meta.id).filter((id) => !reported.has(id));
    expect(uncovered).toEqual([]);
  }, 120_000);
});
