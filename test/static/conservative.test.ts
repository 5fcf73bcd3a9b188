import { describe, expect, it } from 'vitest';
import { bothModes } from './support/both-modes.js';

const SCHEMA =
  'CREATE TABLE posts (id bigint PRIMARY KEY, title varchar(50) NOT NULL, note text, created date);\n';

const project = (...migrations: string[]) => ({
  'schema.sql': SCHEMA,
  ...Object.fromEntries(migrations.map((sql, i) => [`migrations/00000${i + 1}_step.up.sql`, `${sql}\n`])),
});

const rules = (ds: readonly { rule: string }[]) => ds.map((d) => d.rule).sort();

describe('static mode is conservative where only the catalog knows, and says so', () => {
  const lint = bothModes();

  it('assumes a type change rewrites, where the catalog knows varchar to text is free', async () => {
    const found = await lint(project('ALTER TABLE posts ALTER COLUMN title TYPE text;'));
    expect(rules(found.semantic)).not.toContain('ban-table-rewrite');
    const [rewrite] = found.static.filter((d) => d.rule === 'ban-table-rewrite');
    expect(rewrite?.why).toContain('Static mode assumes ALTER COLUMN title TYPE rewrites public.posts');
    expect(rewrite?.why).toContain('run without --static');
    // The message states what static mode knows, not a coercibility it did not check.
    expect(rewrite?.message).toMatch(/^ALTER COLUMN title TYPE text rewrites public\.posts /);
  });

  it('assumes a default calling a function is volatile, where pg_proc knows now() is stable', async () => {
    const found = await lint(project('ALTER TABLE posts ADD COLUMN seen timestamptz DEFAULT now();'));
    expect(rules(found.semantic)).not.toContain('ban-table-rewrite');
    const [rewrite] = found.static.filter((d) => d.rule === 'ban-table-rewrite');
    expect(rewrite?.why).toContain('the default of seen is volatile');
  });

  it('counts every branch of a DO block as run, and says what it could not see', async () => {
    const body = `DO $$
DECLARE r record;
BEGIN
  IF random() > 2 THEN
    UPDATE posts SET note = 'x' WHERE note IS NULL;
  END IF;
  EXECUTE format('ANALYZE %I', 'posts');
END
$$;`;
    const found = await lint(project(body));
    const [backfill] = found.static.filter((d) => d.rule === 'ban-backfill-in-migration');
    expect(backfill?.line).toBe(1);
    expect(backfill?.why).toContain(
      'every statement in the DO block runs (IF branches and loop bodies included)',
    );
    expect(backfill?.why).toContain('its 1 EXECUTE of a computed string change nothing');
    // The branch never runs: semantic mode sees no write.
    expect(rules(found.semantic)).not.toContain('ban-backfill-in-migration');
  });

  it('is exact for CURRENT_TIMESTAMP and constants: no rewrite in either mode', async () => {
    const found = await lint(
      project(
        'ALTER TABLE posts ADD COLUMN seen timestamptz DEFAULT CURRENT_TIMESTAMP, ADD COLUMN n int DEFAULT -1;',
      ),
    );
    expect(rules(found.static)).toEqual(rules(found.semantic));
    expect(rules(found.static)).not.toContain('ban-table-rewrite');
  });

  it('skips the SET NOT NULL scan after a validated CHECK (col IS NOT NULL), as PostgreSQL 12+ does', async () => {
    const found = await lint(
      project(
        'ALTER TABLE posts ADD CONSTRAINT posts_note_nn CHECK (note IS NOT NULL) NOT VALID;',
        'ALTER TABLE posts VALIDATE CONSTRAINT posts_note_nn;',
        'ALTER TABLE posts ALTER COLUMN note SET NOT NULL;',
      ),
    );
    expect(rules(found.static)).toEqual(rules(found.semantic));
    expect(rules(found.static)).not.toContain('ban-set-not-null-scan');
  });

  it('before PostgreSQL 12 (--pg-version 11) SET NOT NULL scans even then', async () => {
    const found = await lint(
      project(
        'ALTER TABLE posts ADD CONSTRAINT posts_note_nn CHECK (note IS NOT NULL);',
        'ALTER TABLE posts ALTER COLUMN note SET NOT NULL;',
      ),
      110000,
    );
    expect(rules(found.static)).toContain('ban-set-not-null-scan');
  });

  it('before PostgreSQL 11 (--pg-version 10) a constant default rewrites', async () => {
    const sql = 'ALTER TABLE posts ADD COLUMN n integer NOT NULL DEFAULT 0;';
    expect(rules((await lint(project(sql))).static)).not.toContain('ban-table-rewrite');
    const old = await lint(project(sql), 100000);
    expect(rules(old.static)).toContain('ban-table-rewrite');
    // The engine is PostgreSQL 18 whatever --pg-version says: semantic mode sees no rewrite.
    expect(rules(old.semantic)).not.toContain('ban-table-rewrite');
  });

  it('assumes a WHERE clause matches rows; relations no file creates exist, with traffic', async () => {
    const found = await lint(
      project("UPDATE posts SET note = 'x' WHERE id < 0;", 'CREATE INDEX ON unknown_table (a);'),
    );
    const backfill = found.static.find((d) => d.rule === 'ban-backfill-in-migration');
    expect(backfill?.why).toContain('its WHERE clause matches rows of public.posts');
    const index = found.static.find((d) => d.rule === 'require-concurrent-index');
    expect(index?.data).toMatchObject({ table: 'public.unknown_table', mode: 'static', observed: false });
    expect(index?.why).toContain('public.unknown_table exists from before');
  });

  it('resolves unqualified names through the file’s SET search_path', async () => {
    const found = await lint({
      'schema.sql': 'CREATE SCHEMA app;\nCREATE TABLE app.items (id bigint PRIMARY KEY, name text);\n',
      'migrations/000001_index.up.sql':
        'SET search_path TO app;\nCREATE INDEX items_name_idx ON items (name);\n',
    });
    const index = found.static.find((d) => d.rule === 'require-concurrent-index');
    expect(index?.data?.table).toBe('app.items');
    expect(rules(found.static)).toEqual(rules(found.semantic));
  });

  it('--pg-version reaches the rules in semantic mode too: no VIRTUAL column advice before 18', async () => {
    const sql = 'ALTER TABLE posts ADD COLUMN upper_title text GENERATED ALWAYS AS (upper(title)) STORED;';
    const advice = (ds: readonly { rule: string; suggestedSql?: string }[]) =>
      ds.find((d) => d.rule === 'ban-table-rewrite')?.suggestedSql ?? '';
    const now = await lint(project(sql));
    expect(advice(now.semantic)).toContain('VIRTUAL');
    expect(advice(now.static)).toContain('VIRTUAL');
    const old = await lint(project(sql), 170000);
    expect(advice(old.semantic)).not.toContain('VIRTUAL');
    expect(advice(old.static)).not.toContain('VIRTUAL');
  });

  it('--pg-version refuses CONCURRENTLY forms newer than the version: REINDEX before 12', async () => {
    const found = await lint(
      {
        'schema.sql': `${SCHEMA}CREATE INDEX posts_note_idx ON posts (note);\n`,
        'migrations/000001_r.up.sql': 'REINDEX INDEX CONCURRENTLY posts_note_idx;\n',
      },
      110000,
    );
    const [failed] = found.static;
    expect(failed?.rule).toBe('statement-failed');
    expect(failed?.message).toContain('syntax error at or near "CONCURRENTLY"');
    expect(found.static).toHaveLength(1);
  });
});
