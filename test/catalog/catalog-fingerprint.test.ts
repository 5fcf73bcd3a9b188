import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogFingerprint } from '../../src/catalog/catalog-fingerprint.js';
import { diffCatalogs } from '../../src/catalog/diff.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { describeEachEngine } from '../support/engines.js';

const SCHEMA = `CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE posts (
  id bigserial PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  title varchar(200) NOT NULL DEFAULT 'untitled',
  mood mood,
  CHECK (length(title) > 0)
);
CREATE INDEX posts_author_idx ON posts (author_id) WHERE mood IS NOT NULL;
CREATE VIEW titles AS SELECT id, title FROM posts;
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();
COMMENT ON TABLE posts IS 'what people write';`;

// Each change, and SQL that brings the schema back (objects made again under new oids).
const CHANGES: readonly (readonly [string, string])[] = [
  ['ALTER TABLE posts ADD COLUMN body text', 'ALTER TABLE posts DROP COLUMN body'],
  [
    'ALTER TABLE users ALTER COLUMN email TYPE varchar(300)',
    'ALTER TABLE users ALTER COLUMN email TYPE text',
  ],
  ['ALTER TABLE posts ALTER COLUMN title DROP NOT NULL', 'ALTER TABLE posts ALTER COLUMN title SET NOT NULL'],
  [
    "ALTER TABLE posts ALTER COLUMN title SET DEFAULT 'x'",
    "ALTER TABLE posts ALTER COLUMN title SET DEFAULT 'untitled'",
  ],
  [
    'DROP INDEX posts_author_idx',
    'CREATE INDEX posts_author_idx ON posts (author_id) WHERE mood IS NOT NULL',
  ],
  ['CREATE INDEX posts_title_idx ON posts (title)', 'DROP INDEX posts_title_idx'],
  [
    'ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey',
    'ALTER TABLE posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE',
  ],
  ["ALTER TYPE mood ADD VALUE 'glad'", 'SELECT 1'],
  ['DROP VIEW titles', 'CREATE VIEW titles AS SELECT id, title FROM posts'],
  [
    'CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$',
    'CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$',
  ],
  ['ALTER TABLE posts DISABLE TRIGGER posts_touch', 'ALTER TABLE posts ENABLE TRIGGER posts_touch'],
  ["COMMENT ON TABLE posts IS 'changed'", "COMMENT ON TABLE posts IS 'what people write'"],
  ['ALTER SEQUENCE posts_id_seq INCREMENT BY 2', 'ALTER SEQUENCE posts_id_seq INCREMENT BY 1'],
  ['CREATE SCHEMA audit', 'DROP SCHEMA audit'],
];

describeEachEngine('catalogFingerprint', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    await engine.exec(SCHEMA);
  });
  afterAll(() => engine.close());

  it('is the same when the same SQL makes the schema again (up, down, up again)', async () => {
    const before = await catalogFingerprint(engine);
    await engine.exec('DROP VIEW titles; DROP TABLE posts, users; DROP FUNCTION touch(); DROP TYPE mood');
    expect(await catalogFingerprint(engine)).not.toBe(before);
    await engine.exec(SCHEMA);
    expect(await catalogFingerprint(engine)).toBe(before);
  });

  it.each(CHANGES)(
    'differs when the snapshot does, and is equal only for equal snapshots: %s',
    async (change, back) => {
      const [fingerprint, snapshot] = [await catalogFingerprint(engine), await readCatalog(engine)];
      // The enum value cannot be taken back: the test runs it in a transaction that is rolled back.
      await engine.transaction(
        async (tx) => {
          await tx.exec(change);
          expect(diffCatalogs(snapshot, await readCatalog(tx))).not.toEqual([]);
          expect(await catalogFingerprint(tx)).not.toBe(fingerprint);
          await tx.exec(back);
          // Equal fingerprints must mean equal snapshots (different ones only cost a full read).
          if ((await catalogFingerprint(tx)) === fingerprint)
            expect(diffCatalogs(snapshot, await readCatalog(tx))).toEqual([]);
        },
        { rollback: true },
      );
    },
  );
});
