import { afterAll, beforeAll, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/catalog/diff.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { describeEachEngine } from '../support/engines.js';
import { blogSchemaSql, openEmpty } from './load-fixture.js';

describeEachEngine('diffCatalogs', (open) => {
  let engine: Engine;
  let schemaNo = 0;

  beforeAll(async () => {
    engine = await openEmpty(open);
  });
  afterAll(() => engine.close());

  /** Sets up `setup` in a schema of its own, then returns the descriptions of what `change` did. */
  async function describeChange(setup: string, change: string): Promise<readonly string[]> {
    schemaNo += 1;
    const schema = `s${schemaNo}`;
    await engine.exec(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public; ${setup}`);
    const before = await readCatalog(engine);
    await engine.exec(change);
    const after = await readCatalog(engine);
    return diffCatalogs(before, after).map((c) => c.description.replaceAll(`${schema}.`, 'S.'));
  }

  const posts = `CREATE TABLE posts (id int PRIMARY KEY, title varchar(500) NOT NULL,
    status text NOT NULL DEFAULT 'draft', view_count int, body text);`;

  it('finds no change between a schema and itself, and after CREATE then DROP', async () => {
    await engine.exec(`CREATE SCHEMA blog; SET search_path = blog, public; ${blogSchemaSql()}`);
    const before = await readCatalog(engine);
    expect(diffCatalogs(before, before)).toEqual([]);
    expect(diffCatalogs(before, await readCatalog(engine))).toEqual([]);
    await engine.exec(`INSERT INTO users (email, handle) VALUES ('a@b.c', 'a'); ANALYZE users;
      CREATE INDEX idx_tmp ON posts (slug); DROP INDEX idx_tmp;
      CREATE TABLE tmp (id int); DROP TABLE tmp;
      ALTER TABLE posts ADD COLUMN tmp int; ALTER TABLE posts DROP COLUMN tmp;`);
    expect(diffCatalogs(before, await readCatalog(engine))).toEqual([]);
    await engine.exec('DROP SCHEMA blog CASCADE');
  });

  it('reports tables and columns added, removed, retyped and moved', async () => {
    expect(
      await describeChange(
        posts,
        `ALTER TABLE posts ALTER COLUMN title TYPE text; ALTER TABLE posts ALTER COLUMN status DROP NOT NULL;
         ALTER TABLE posts ALTER COLUMN status DROP DEFAULT; ALTER TABLE posts ADD COLUMN slug text;
         ALTER TABLE posts DROP COLUMN body; CREATE TABLE tags (id int);`,
      ),
    ).toEqual([
      'table S.tags was added',
      'column S.posts.body was removed',
      'column S.posts.slug was added',
      'column S.posts.title changed type from character varying(500) to text',
      'column S.posts.status: NOT NULL was removed',
      "default of S.posts.status changed from 'draft'::text to none",
    ]);
  });

  it('reports a column moved only when the relative order changed', async () => {
    const moved = await describeChange(
      'CREATE TABLE t (a int, b int, c int);',
      'ALTER TABLE t DROP COLUMN b; ALTER TABLE t ADD COLUMN b int;',
    );
    expect(moved).toEqual([
      'column S.t.b moved from position 2 to 3',
      'column S.t.c moved from position 3 to 2',
    ]);
    const sameOrder = await describeChange(
      'CREATE TABLE t (a int, b int, c int);',
      'ALTER TABLE t DROP COLUMN c; ALTER TABLE t ADD COLUMN c int;',
    );
    expect(sameOrder).toEqual([]);
  });

  it('reports index additions and every index property', async () => {
    const setup = `${posts} CREATE INDEX idx_a ON posts (view_count); CREATE INDEX idx_b ON posts (title);
      CREATE INDEX idx_c ON posts (status); CREATE INDEX idx_d ON posts (body);`;
    expect(
      await describeChange(
        setup,
        `CREATE INDEX idx_posts_view_count ON posts (view_count DESC);
         DROP INDEX idx_a; CREATE INDEX idx_a ON posts (view_count DESC NULLS LAST) INCLUDE (title);
         DROP INDEX idx_b; CREATE INDEX idx_b ON posts USING hash (title);
         DROP INDEX idx_c; CREATE INDEX idx_c ON posts (status text_pattern_ops) WHERE view_count > 0;
         DROP INDEX idx_d; CREATE UNIQUE INDEX idx_d ON posts (body COLLATE "C");`,
      ),
    ).toEqual([
      'index S.idx_posts_view_count was added',
      'keys of index S.idx_a changed from (view_count) to (view_count DESC NULLS LAST)',
      'INCLUDE columns of index S.idx_a changed from none to (title)',
      'access method of index S.idx_b changed from btree to hash',
      'keys of index S.idx_c changed from (status) to (status text_pattern_ops)',
      'predicate of index S.idx_c changed from none to (view_count > 0)',
      'keys of index S.idx_d changed from (body) to (body COLLATE "C")',
      'index S.idx_d: is now UNIQUE',
    ]);
  });

  it('reports constraint changes: actions, validation, deferrability and CHECK expressions', async () => {
    const setup = `${posts} CREATE TABLE comments (id int PRIMARY KEY, post_id int REFERENCES posts,
      body text CONSTRAINT comments_body_check CHECK (length(body) < 100));`;
    expect(
      await describeChange(
        setup,
        `ALTER TABLE comments DROP CONSTRAINT comments_post_id_fkey;
         ALTER TABLE comments ADD CONSTRAINT comments_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts
           ON DELETE CASCADE NOT VALID DEFERRABLE;
         ALTER TABLE comments DROP CONSTRAINT comments_body_check;
         ALTER TABLE comments ADD CONSTRAINT comments_body_check CHECK (length(body) < 200);
         ALTER TABLE posts ADD CONSTRAINT posts_title_key UNIQUE (title);`,
      ),
    ).toEqual([
      'constraint posts_title_key on S.posts was added',
      'definition of constraint comments_body_check on S.comments changed from CHECK ((length(body) < 100)) to CHECK ((length(body) < 200))',
      'ON DELETE action of constraint comments_post_id_fkey on S.comments changed from no action to cascade',
      'constraint comments_post_id_fkey on S.comments: is now NOT VALID',
      'constraint comments_post_id_fkey on S.comments: is now DEFERRABLE',
      'index S.posts_title_key was added',
    ]);
  });

  it('reports enums, sequences, views, functions, triggers, comments and schemas', async () => {
    const setup = `${posts} CREATE TYPE mood AS ENUM ('happy', 'ok');
      CREATE SEQUENCE seq; CREATE VIEW v AS SELECT id FROM posts;
      CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a';
      CREATE FUNCTION tg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
      CREATE TRIGGER posts_tg BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION tg();`;
    expect(
      await describeChange(
        setup,
        `ALTER TYPE mood ADD VALUE 'sad'; ALTER SEQUENCE seq INCREMENT 2 CYCLE;
         SELECT nextval('seq');
         CREATE OR REPLACE VIEW v AS SELECT id, title FROM posts;
         CREATE OR REPLACE FUNCTION f(a int) RETURNS int LANGUAGE sql AS 'SELECT a + 1';
         CREATE FUNCTION f(a text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT a';
         ALTER TABLE posts DISABLE TRIGGER posts_tg;
         COMMENT ON TABLE posts IS 'Posts'; CREATE SCHEMA extra;`,
      ),
    ).toEqual([
      'schema extra was added',
      "enum S.mood gained label 'sad'",
      'increment of sequence S.seq changed from 1 to 2',
      'sequence S.seq: now CYCLEs',
      'comment on table S.posts was added',
      'definition of view S.v changed',
      'function S.f(a text) was added',
      'body or options of function S.f(a integer) changed',
      'trigger posts_tg on S.posts: was disabled',
    ]);
  });

  it('reports identity, sequence ownership, extensions and comments on columns, enums and triggers', async () => {
    const setup = `CREATE TABLE p (id int NOT NULL, t text); CREATE SEQUENCE s OWNED BY p.id;
      CREATE TYPE m AS ENUM ('a');
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
      CREATE TRIGGER tg BEFORE INSERT ON p FOR EACH ROW EXECUTE FUNCTION f();`;
    const changes = await describeChange(
      setup,
      `ALTER TABLE p ALTER id ADD GENERATED ALWAYS AS IDENTITY; ALTER SEQUENCE s OWNED BY NONE;
       COMMENT ON COLUMN p.t IS 'x'; COMMENT ON TYPE m IS 'y'; COMMENT ON TRIGGER tg ON p IS 'w';`,
    );
    expect(changes).toEqual([
      'comment on enum S.m was added',
      'sequence S.p_id_seq was added',
      'owner column of sequence S.s changed from S.p.id to none',
      'identity of column S.p.id changed from none to always',
      'comment on column S.p.t was added',
      'comment on trigger tg on S.p was added',
    ]);
    const before = await readCatalog(engine);
    const removed = {
      ...before,
      extensions: before.extensions.filter((extension) => extension.name !== 'plpgsql'),
    };
    expect(diffCatalogs(removed, before).map((c) => c.description)).toEqual(['extension plpgsql was added']);
  });

  it('gives each change its kind, object, qualified name and before/after values', async () => {
    await engine.exec(`CREATE SCHEMA typed; CREATE TABLE typed.posts (id int, title varchar(500));
      CREATE INDEX idx_title ON typed.posts (title); CREATE MATERIALIZED VIEW typed.mv AS SELECT 1 AS one;`);
    const before = await readCatalog(engine);
    await engine.exec(`ALTER TABLE typed.posts ALTER COLUMN title TYPE text; DROP MATERIALIZED VIEW typed.mv;
      COMMENT ON INDEX typed.idx_title IS 'by title';`);
    const changes = diffCatalogs(before, await readCatalog(engine));
    expect(changes).toEqual([
      {
        change: 'changed',
        object: 'column',
        name: 'typed.posts.title',
        label: 'column typed.posts.title',
        property: 'type',
        before: 'character varying(500)',
        after: 'text',
        description: 'column typed.posts.title changed type from character varying(500) to text',
      },
      expect.objectContaining({
        object: 'comment',
        change: 'added',
        name: 'typed.idx_title',
        label: 'comment on index typed.idx_title',
        after: 'by title',
      }),
      expect.objectContaining({
        change: 'removed',
        object: 'view',
        name: 'typed.mv',
        description: 'materialized view typed.mv was removed',
      }),
    ]);
  });
});
