import { afterAll, beforeAll, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/catalog/diff.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { describeEachEngine } from '../support/engines.js';
import { openEmpty } from './load-fixture.js';

// pg_monitor is a built-in role, so the same policy can be created on any cluster.
const SETUP = `CREATE TABLE notes (id bigint PRIMARY KEY, owner text NOT NULL, body text, code text);
  CREATE TABLE open_notes (id bigint PRIMARY KEY);
  ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
  CREATE POLICY notes_owner ON notes USING (owner = current_user);
  CREATE POLICY notes_monitor ON notes AS RESTRICTIVE FOR UPDATE TO pg_monitor, pg_read_all_stats
    USING (true) WITH CHECK (body IS NOT NULL);
  CREATE UNIQUE INDEX notes_code_key ON notes (code) NULLS NOT DISTINCT;
  CREATE UNIQUE INDEX notes_body_key ON notes (body);`;

describeEachEngine('row level security and NULLS NOT DISTINCT in the catalog', (open) => {
  let engine: Engine;

  beforeAll(async () => {
    engine = await openEmpty(open);
    await engine.exec(SETUP);
  });
  afterAll(() => engine.close());

  it('reads whether RLS is enabled and forced on each table', async () => {
    const catalog = await readCatalog(engine);
    const rowSecurity = (name: string) => catalog.tables.find((t) => t.name === name)?.rowSecurity;
    expect(rowSecurity('notes')).toEqual({ enabled: true, forced: false });
    expect(rowSecurity('open_notes')).toEqual({ enabled: false, forced: false });
  });

  it('reads policies with command, mode, sorted roles and deparsed expressions', async () => {
    const catalog = await readCatalog(engine);
    const table = { schema: 'public', name: 'notes', qualified: 'public.notes' };
    expect(catalog.policies).toEqual([
      {
        schema: 'public',
        name: 'notes_monitor',
        table,
        command: 'update',
        permissive: false,
        roles: ['pg_monitor', 'pg_read_all_stats'],
        using: 'true',
        withCheck: '(body IS NOT NULL)',
      },
      {
        schema: 'public',
        name: 'notes_owner',
        table,
        command: 'all',
        permissive: true,
        roles: ['public'],
        using: '(owner = CURRENT_USER)',
      },
    ]);
  });

  it('reads NULLS NOT DISTINCT on unique indexes', async () => {
    const catalog = await readCatalog(engine);
    const index = (name: string) => catalog.indexes.find((i) => i.name === name);
    expect(index('notes_code_key')?.nullsNotDistinct).toBe(true);
    expect(index('notes_body_key')?.nullsNotDistinct).toBe(false);
  });

  it('diffs RLS on and off, FORCE, policies added, removed and changed, and NULLS NOT DISTINCT', async () => {
    const before = await readCatalog(engine);
    await engine.exec(`ALTER TABLE notes FORCE ROW LEVEL SECURITY;
      ALTER TABLE open_notes ENABLE ROW LEVEL SECURITY;
      DROP POLICY notes_monitor ON notes;
      ALTER POLICY notes_owner ON notes TO pg_monitor USING (owner = session_user);
      CREATE POLICY open_read ON open_notes FOR SELECT USING (true);
      DROP INDEX notes_body_key; CREATE UNIQUE INDEX notes_body_key ON notes (body) NULLS NOT DISTINCT;`);
    const changes = diffCatalogs(before, await readCatalog(engine));
    expect(changes.map((c) => c.description)).toEqual([
      'table public.notes: row level security is now forced on the owner too',
      'table public.open_notes: row level security was enabled',
      'index public.notes_body_key: now treats NULLs as equal (NULLS NOT DISTINCT)',
      'policy notes_monitor on public.notes was removed',
      'policy open_read on public.open_notes was added',
      'roles of policy notes_owner on public.notes changed from (public) to (pg_monitor)',
      'USING expression of policy notes_owner on public.notes changed from (owner = CURRENT_USER) to (owner = SESSION_USER)',
    ]);
    expect(changes.find((c) => c.name === 'public.open_notes.open_read')?.after).toBe(
      'CREATE POLICY open_read ON public.open_notes AS PERMISSIVE FOR SELECT TO public USING (true)',
    );
    const after = await readCatalog(engine);
    await engine.exec(`ALTER TABLE notes NO FORCE ROW LEVEL SECURITY;
      ALTER TABLE open_notes DISABLE ROW LEVEL SECURITY;`);
    expect(diffCatalogs(after, await readCatalog(engine)).map((c) => c.description)).toEqual([
      'table public.notes: row level security is no longer forced on the owner',
      'table public.open_notes: row level security was disabled',
    ]);
  });
});
