import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { Engine } from '../../src/engine/engine.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { resetDatabase } from '../../src/verify/reset-database.js';
import { verifyMigrations } from '../../src/verify/verify-migrations.js';
import { describeEachEngine } from '../support/engines.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA = `CREATE TABLE posts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  title varchar(500) NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  created_at timestamptz NOT NULL DEFAULT now(),
  body text
);
CREATE TABLE notes (id int PRIMARY KEY, body text);
CREATE TABLE settings (key text PRIMARY KEY, value text);
`;

interface Found {
  readonly rule: string;
  readonly severity: string;
  readonly at: string;
  readonly message: string;
}

function found(diagnostics: readonly Diagnostic[], root: string): Found[] {
  return diagnostics.map((d) => ({
    rule: d.rule,
    severity: d.severity,
    at: `${(d.file ?? '').slice(root.length + 1)}:${d.line}`,
    message: d.message,
  }));
}

describeEachEngine('verifyMigrations', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(() => engine.close());
  beforeEach(() => resetDatabase(engine));

  /** Verifies the project's migrations/ folder after its schema.sql, with the default rule settings. */
  async function verify(files: Record<string, string>, rules: Record<string, string> = {}) {
    const root = await tempProject({ 'schema.sql': SCHEMA, ...files });
    const { migrations } = await loadMigrations(join(root, 'migrations'));
    const settings = resolveRuleSettings({ rules } as never, allRuleMetas);
    const result = await verifyMigrations(engine, {
      schemaFiles: [join(root, 'schema.sql')],
      migrations,
      settings,
    });
    return { root, findings: found(result.diagnostics, root) };
  }

  it('finds nothing in migrations whose downs undo their ups', async () => {
    const { findings } = await verify({
      'migrations/000001_view_count.up.sql':
        'ALTER TABLE posts ADD COLUMN view_count bigint NOT NULL DEFAULT 0;',
      'migrations/000001_view_count.down.sql': 'ALTER TABLE posts DROP COLUMN view_count;',
      'migrations/000002_index.up.sql': 'CREATE INDEX posts_status_idx ON posts (status);',
      'migrations/000002_index.down.sql': 'DROP INDEX posts_status_idx;',
      'migrations/000003_likes.up.sql': `CREATE TABLE likes (post_id bigint NOT NULL REFERENCES posts ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (post_id, at));
        COMMENT ON TABLE likes IS 'who liked what';`,
      'migrations/000003_likes.down.sql': 'DROP TABLE likes;',
      'migrations/000004_rename.up.sql': 'ALTER TABLE notes RENAME COLUMN body TO text;',
      'migrations/000004_rename.down.sql': 'ALTER TABLE notes RENAME COLUMN text TO body;',
    });
    expect(findings).toEqual([]);
  });

  it('says in words what each down leaves behind or fails to restore, at the down step', async () => {
    const { findings } = await verify({
      'migrations/000001_index.up.sql': 'CREATE INDEX idx_posts_view_count ON posts (status);',
      'migrations/000001_index.down.sql': '',
      'migrations/000002_retype.up.sql': 'ALTER TABLE posts ALTER COLUMN title TYPE text;',
      'migrations/000002_retype.down.sql': '-- nothing to undo, surely\n\nSELECT 1;\n',
      'migrations/000003_default.up.sql': `ALTER TABLE posts ALTER COLUMN status SET DEFAULT 'new';`,
      'migrations/000003_default.down.sql': 'ALTER TABLE posts ALTER COLUMN status DROP DEFAULT;',
      'migrations/000004_drop.up.sql': 'DROP INDEX idx_posts_view_count;',
      'migrations/000004_drop.down.sql': 'SELECT 1;',
      'migrations/000005_status.up.sql': 'ALTER TABLE posts DROP COLUMN status;',
      'migrations/000005_status.down.sql': `ALTER TABLE posts ADD COLUMN status text NOT NULL DEFAULT 'draft';`,
    });
    expect(findings).toEqual([
      {
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000001_index.down.sql:1',
        message: 'down leaves index public.idx_posts_view_count behind',
      },
      {
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000002_retype.down.sql:1',
        message: 'column public.posts.title is text after down, was character varying(500)',
      },
      {
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000003_default.down.sql:1',
        message: "default of public.posts.status is none after down, was 'draft'::text",
      },
      {
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000004_drop.down.sql:1',
        message:
          'down does not bring back index public.idx_posts_view_count (CREATE INDEX idx_posts_view_count ON public.posts USING btree (status))',
      },
      // Carried forward: migration 3 ran up again, so 'new' is what migration 5 starts from.
      {
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000005_status.down.sql:1',
        message: "default of public.posts.status is 'draft'::text after down, was 'new'::text",
      },
      ...[
        'status is 5 after down, was 3',
        'created_at is 3 after down, was 4',
        'body is 4 after down, was 5',
      ].map((move) => ({
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000005_status.down.sql:1',
        message: `position of column public.posts.${move}`,
      })),
    ]);
  });

  it('reports an up that fails when run again after its down', async () => {
    const { findings } = await verify({
      'migrations/000001_seed.up.sql': `INSERT INTO settings VALUES ('theme', 'dark');`,
      'migrations/000001_seed.down.sql': 'SELECT 1;',
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'reversibility',
        at: 'migrations/000001_seed.up.sql:1',
        message: expect.stringMatching(/^up fails when run again after down: .*duplicate key/),
      }),
    ]);
  });

  it('sees rows that a down cannot bring back: dropped tables and columns, narrowed types', async () => {
    const { findings } = await verify({
      'migrations/000001_drop_body.up.sql': 'ALTER TABLE posts DROP COLUMN body;',
      'migrations/000001_drop_body.down.sql': 'ALTER TABLE posts ADD COLUMN body text;',
      'migrations/000002_drop_notes.up.sql': 'DROP TABLE notes;',
      'migrations/000002_drop_notes.down.sql': 'CREATE TABLE notes (id int PRIMARY KEY, body text);',
      'migrations/000003_day.up.sql': 'ALTER TABLE posts ALTER COLUMN created_at TYPE date;',
      'migrations/000003_day.down.sql': 'ALTER TABLE posts ALTER COLUMN created_at TYPE timestamptz;',
    });
    expect(findings.map((f) => [f.rule, f.severity, f.at])).toEqual([
      ['reversibility-data-loss', 'warning', 'migrations/000001_drop_body.down.sql:1'],
      ['reversibility-data-loss', 'warning', 'migrations/000002_drop_notes.down.sql:1'],
      ['reversibility-data-loss', 'warning', 'migrations/000003_day.down.sql:1'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      'down restores column public.posts.body but not its values: the up drops it, and the values in its 3 rows do not come back',
      'down recreates table public.notes but not its rows: the up drops it, and 3 of 3 rows are gone after rolling back',
      'down restores column public.posts.created_at but not its values: the up changes its type to date, and the values in its 3 rows do not come back',
    ]);
  });

  it('honours an ignore comment in the down step', async () => {
    const { findings } = await verify({
      'migrations/000001_drop_body.up.sql': 'ALTER TABLE posts DROP COLUMN body;',
      'migrations/000001_drop_body.down.sql':
        '-- pgvigil-ignore-file reversibility-data-loss the body was never read\nALTER TABLE posts ADD COLUMN body text;',
    });
    expect(findings).toEqual([]);
  });

  it('reports a failing down where PostgreSQL points, and goes on from the state after the up', async () => {
    const { findings } = await verify({
      'migrations/000001_tags.up.sql': 'CREATE TABLE tags (id int PRIMARY KEY, name text);',
      'migrations/000001_tags.down.sql': 'DROP TABLE tags;\nDROP TABLE tagz;',
      'migrations/000002_tag_index.up.sql': 'CREATE INDEX tags_name_idx ON tags (name);',
      'migrations/000002_tag_index.down.sql': '',
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'statement-failed',
        at: 'migrations/000001_tags.down.sql:2',
        message: expect.stringContaining('"tagz" does not exist'),
      }),
      {
        rule: 'reversibility',
        severity: 'error',
        at: 'migrations/000002_tag_index.down.sql:1',
        message: 'down leaves index public.tags_name_idx behind',
      },
    ]);
  });

  it('leaves the database as the up left it after a failing down in a transaction (dbmate)', async () => {
    const { findings } = await verify({
      'migrations/20240101000000_tags.sql':
        '-- migrate:up\nCREATE TABLE tags (id int PRIMARY KEY, name text);\n-- migrate:down\nDROP TABLE tags;\nDROP TABLE tagz;\n',
      'migrations/20240102000000_tag_index.sql':
        '-- migrate:up\nCREATE INDEX tags_name_idx ON tags (name);\n-- migrate:down\nDROP INDEX tags_name_idx;\n',
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'statement-failed',
        at: 'migrations/20240101000000_tags.sql:5',
        message: expect.stringContaining('"tagz" does not exist'),
      }),
    ]);
  });

  it('requires a down step: an error for golang-migrate, an info for a plain folder', async () => {
    const golang = await verify({ 'migrations/000001_tags.up.sql': 'CREATE TABLE tags (id int);' });
    expect(golang.findings).toEqual([
      {
        rule: 'require-down-migration',
        severity: 'error',
        at: 'migrations/000001_tags.up.sql:1',
        message: 'migration 000001 (tags) has no down step',
      },
    ]);
    await resetDatabase(engine);
    const plain = await verify({ 'migrations/001_tags.sql': 'CREATE TABLE tags (id int);' });
    expect(plain.findings.map((f) => [f.rule, f.severity])).toEqual([['require-down-migration', 'info']]);
    await resetDatabase(engine);
    const off = await verify(
      { 'migrations/000001_tags.up.sql': 'CREATE TABLE tags (id int);' },
      { 'require-down-migration': 'off' },
    );
    expect(off.findings).toEqual([]);
  });
});
