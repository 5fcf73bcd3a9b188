import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../src/engine/engine.js';
import { resetDatabase } from '../../src/verify/reset-database.js';
import { describeEachEngine } from '../support/engines.js';
import { verifyProject } from './verify-project.js';

const SCHEMA = `CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);
CREATE TABLE posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  author_id bigint NOT NULL REFERENCES users (id),
  title varchar(500) NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  "order" int
);
CREATE INDEX posts_status_idx ON posts (status);`;

describeEachEngine('proposed down steps', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(() => engine.close());
  beforeEach(() => resetDatabase(engine));

  /** The require-down-migration finding of a golang-migrate migration with only an up step. */
  async function missingDown(up: string): Promise<Diagnostic> {
    const result = await verifyProject(engine, SCHEMA, { 'migrations/000001_change.up.sql': up });
    const found = result.diagnostics.filter((d) => d.rule === 'require-down-migration');
    expect(found).toHaveLength(1);
    return found[0] as Diagnostic;
  }

  /** Runs up, the proposal and up again by hand: the proposal must really give the schema back. */
  async function provenBack(up: string, down: string): Promise<void> {
    const { readCatalog } = await import('../../src/catalog/read-catalog.js');
    const { diffCatalogs } = await import('../../src/catalog/diff.js');
    await resetDatabase(engine);
    await engine.exec(SCHEMA);
    const s0 = await readCatalog(engine);
    await engine.exec(up);
    await engine.exec(down);
    expect(diffCatalogs(s0, await readCatalog(engine))).toEqual([]);
  }

  it.each([
    [
      'a new index',
      'CREATE INDEX CONCURRENTLY posts_title_idx ON posts (title);',
      'DROP INDEX CONCURRENTLY IF EXISTS public.posts_title_idx;',
    ],
    [
      'a new column',
      'ALTER TABLE posts ADD COLUMN views bigint NOT NULL DEFAULT 0;',
      'ALTER TABLE public.posts DROP COLUMN views;',
    ],
    [
      'a type change',
      'ALTER TABLE posts ALTER COLUMN title TYPE text;',
      'ALTER TABLE public.posts ALTER COLUMN title TYPE character varying(500) USING title::character varying(500);',
    ],
    [
      'a new table',
      'CREATE TABLE tags (id int PRIMARY KEY, name text);\nCREATE INDEX tags_name_idx ON tags (name);',
      'DROP TABLE public.tags;',
    ],
    [
      'a default and NOT NULL',
      'ALTER TABLE posts ALTER COLUMN status DROP DEFAULT;\nALTER TABLE posts ALTER COLUMN "order" SET NOT NULL;',
      'ALTER TABLE public.posts ALTER COLUMN status SET DEFAULT \'draft\'::text;\nALTER TABLE public.posts ALTER COLUMN "order" DROP NOT NULL;',
    ],
    [
      'a dropped constraint and index',
      'ALTER TABLE posts DROP CONSTRAINT posts_author_id_fkey;\nDROP INDEX posts_status_idx;',
      'ALTER TABLE public.posts ADD CONSTRAINT posts_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.users(id);\nCREATE INDEX posts_status_idx ON public.posts USING btree (status);',
    ],
    [
      'a new enum, function, view and trigger',
      `CREATE TYPE color AS ENUM ('red');
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts FOR EACH ROW EXECUTE FUNCTION touch();
CREATE VIEW titles AS SELECT id, title FROM posts;`,
      'DROP TRIGGER posts_touch ON public.posts;\nDROP VIEW public.titles;\nDROP FUNCTION public.touch();\nDROP TYPE public.color;',
    ],
  ])('proposes a down for %s, checked by the round trip', async (_, up, down) => {
    const finding = await missingDown(up);
    expect(finding.suggestedSql).toBe(down);
    expect(finding.data).toEqual({ proposal: 'verified' });
    await provenBack(up, down);
  });

  it('says what generated SQL cannot undo instead of proposing part of a down', async () => {
    const finding = await missingDown(
      'ALTER TABLE posts DROP COLUMN "order";\nALTER TYPE mood ADD VALUE \'glad\';',
    );
    expect(finding.suggestedSql).toBeUndefined();
    expect(finding.data?.proposal).toBe('irreversible');
    expect(finding.help).toContain(
      'the up drops column public.posts."order": its values cannot be generated back',
    );
    expect(finding.help).toContain('PostgreSQL cannot remove a value from an enum');
  });

  it('says an empty down restores the schema of an up that changes only rows', async () => {
    const finding = await missingDown("INSERT INTO users (email) VALUES ('a@example.com');");
    expect(finding.suggestedSql).toBeUndefined();
    expect(finding.data).toEqual({ proposal: 'empty' });
  });
});
