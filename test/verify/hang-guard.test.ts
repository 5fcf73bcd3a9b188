import { join } from 'node:path';
import { expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { runVerify } from '../../src/verify/run-verify.js';
import { testServerUrl } from '../support/engines.js';
import { tempProject } from '../support/temp-project.js';

/** golang-migrate: 000001 runs to its end, 000002's up step never ends on its own. */
async function hangingProject(hang: string, tagsDown = 'DROP TABLE tags;') {
  const root = await tempProject({
    'migrations/000001_tags.up.sql': 'CREATE TABLE tags (id int PRIMARY KEY);',
    'migrations/000001_tags.down.sql': tagsDown,
    'migrations/000002_hang.up.sql': `CREATE TABLE slow (id int);\n${hang};`,
    'migrations/000002_hang.down.sql': 'DROP TABLE slow;',
  });
  const { migrations } = await loadMigrations(join(root, 'migrations'));
  return { schemaFiles: [], migrations, settings: resolveRuleSettings({ rules: {} } as never, allRuleMetas) };
}

it('stops a migration that hangs on the embedded engine (no statement_timeout there) by the clock', {
  timeout: 60_000,
}, async () => {
  const input = await hangingProject('DO $$ BEGIN LOOP END LOOP; END $$');
  const started = Date.now();
  const result = await runVerify(input, { timeoutMs: 4000 });
  expect(Date.now() - started).toBeLessThan(40_000);
  expect(result.diagnostics).toHaveLength(1);
  const [hang] = result.diagnostics;
  expect(hang?.rule).toBe('statement-failed');
  expect(hang?.file?.endsWith('000002_hang.up.sql')).toBe(true);
  expect(hang?.message).toBe(
    'migration 000002 (hang) did not finish within 4 s: pgvigil stopped it and stopped verifying here',
  );
});

it('reports what the migrations before the hang found, then the hang', { timeout: 90_000 }, async () => {
  const forgetful = '-- forgot to drop tags\nSELECT 1;';
  const finished = await runVerify(await hangingProject('SELECT 1', forgetful), { timeoutMs: 20_000 });
  const before = finished.diagnostics.filter((d) => d.file?.includes('000001_tags'));
  expect(before.map((d) => d.rule)).toContain('reversibility');
  const result = await runVerify(await hangingProject('DO $$ BEGIN LOOP END LOOP; END $$', forgetful), {
    timeoutMs: 4000,
  });
  const strip = (d: (typeof result.diagnostics)[number]) => ({ ...d, file: d.file?.split('/').at(-1) });
  expect(result.diagnostics.slice(0, -1).map(strip)).toEqual(before.map(strip));
  expect(result.diagnostics.at(-1)?.message).toContain('migration 000002 (hang) did not finish within 4 s');
  for (const d of result.diagnostics) expect(result.sources.has(d.file ?? '')).toBe(true);
});

const url = testServerUrl();
it.runIf(url)(
  'stops a hanging statement on a server with statement_timeout',
  { timeout: 60_000 },
  async () => {
    const input = await hangingProject('SELECT pg_sleep(30)');
    const started = Date.now();
    const result = await runVerify(input, { db: url as string, timeoutMs: 500 });
    expect(Date.now() - started).toBeLessThan(20_000);
    const failed = result.diagnostics.filter((d) => d.rule === 'statement-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.file?.endsWith('000002_hang.up.sql')).toBe(true);
    expect(failed[0]?.message).toContain('statement timeout');
  },
);
