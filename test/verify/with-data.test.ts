import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { resetDatabase } from '../../src/verify/reset-database.js';
import { describeEachEngine } from '../support/engines.js';
import { verifyProject } from './verify-project.js';

const SCHEMA = `CREATE TABLE notes (id int PRIMARY KEY, body text);
CREATE TABLE settings (key text PRIMARY KEY, value text);`;

// The up deletes the synthetic rows of notes and adds one to settings; the empty down restores the schema only.
const MIGRATIONS = {
  'migrations/000001_cleanup.up.sql':
    "DELETE FROM notes;\nINSERT INTO settings VALUES (md5(random()::text), 'dark');",
  'migrations/000001_cleanup.down.sql': '-- nothing to undo in the schema\n',
  'migrations/000002_tags.up.sql': 'CREATE TABLE tags (id int PRIMARY KEY);',
  'migrations/000002_tags.down.sql': 'DROP TABLE tags;',
};

describeEachEngine('verify --with-data', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  });
  afterAll(() => engine.close());
  beforeEach(() => resetDatabase(engine));

  it('reports every pre-existing table whose row count a rollback does not give back', async () => {
    const { diagnostics, root } = await verifyProject(engine, SCHEMA, MIGRATIONS, { withData: true });
    const said = diagnostics.map((d) => [d.rule, d.file?.slice(root.length + 1), d.data?.table, d.message]);
    expect(said).toHaveLength(2);
    for (const [rule, file] of said) {
      expect(rule).toBe('reversibility-data-loss');
      expect(file).toBe('migrations/000001_cleanup.down.sql');
    }
    const notes = diagnostics.find((d) => d.data?.table === 'public.notes');
    expect(notes?.data?.rowsAfter).toBe(0);
    expect(Number(notes?.data?.rowsBefore)).toBeGreaterThan(0);
    const settings = diagnostics.find((d) => d.data?.table === 'public.settings');
    expect(Number(settings?.data?.rowsAfter)).toBe(Number(settings?.data?.rowsBefore) + 1);
    expect(settings?.message).toMatch(/^table public\.settings holds \d+ rows after up and down, had \d+$/);
  });

  it('compares no row counts without the flag', async () => {
    const { diagnostics } = await verifyProject(engine, SCHEMA, MIGRATIONS);
    expect(diagnostics).toEqual([]);
  });
});
