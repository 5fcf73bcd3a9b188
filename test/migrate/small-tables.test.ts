import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { readTableSizes, type TableSizes } from '../../src/migrate/table-sizes.js';
import { discoverProject } from '../../src/project/discover.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { openServerTestDatabase } from '../support/engines.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA = `
CREATE TABLE small (id bigint PRIMARY KEY, v int);
CREATE TABLE large (id bigint PRIMARY KEY, v int);
CREATE TABLE unanalysed (id bigint PRIMARY KEY, v int);
`;

describe('table sizes from a live database', () => {
  let server: Engine;
  let sizes: TableSizes;

  beforeAll(async () => {
    server = await openServerTestDatabase();
    await server.exec(`${SCHEMA}
      INSERT INTO small SELECT g, g FROM generate_series(1, 50) g;
      INSERT INTO large SELECT g, g FROM generate_series(1, 20000) g;
      INSERT INTO unanalysed SELECT g, g FROM generate_series(1, 5) g;
      ANALYZE small; ANALYZE large;`);
    sizes = await readTableSizes(server);
  });
  afterAll(() => server.close());

  it('reads the estimated rows and bytes of analysed tables and leaves out the never-analysed', () => {
    expect(sizes.get('public.small')?.rows).toBe(50);
    expect(sizes.get('public.large')?.rows).toBe(20000);
    expect(sizes.get('public.small')?.bytes).toBeGreaterThan(0);
    expect(sizes.has('public.unanalysed')).toBe(false);
  });

  it('turns a build on a small table into information, and leaves large and unknown ones errors', async () => {
    const dir = await tempProject({
      'schema.sql': SCHEMA,
      'migrations/000001_idx.up.sql':
        'CREATE INDEX small_v ON small (v);\nCREATE INDEX large_v ON large (v);\nCREATE INDEX unanalysed_v ON unanalysed (v);\n',
    });
    const settings = resolveRuleSettings({ rules: {} }, allRuleMetas);
    const engine = await openPglite();
    try {
      const layout = await discoverProject(dir);
      const { diagnostics } = await runCheck(layout, settings, {
        engine,
        tableSizes: sizes,
        schemaRules: false,
      });
      const builds = diagnostics.filter((d) => d.rule === 'require-concurrent-index');
      const byTable = new Map(builds.map((d) => [d.data?.table, d]));
      expect(byTable.get('public.small')?.severity).toBe('info');
      expect(byTable.get('public.small')?.why).toMatch(
        /statistics say this is small \(public\.small ~50 rows/,
      );
      expect(byTable.get('public.large')?.severity).toBe('error');
      expect(byTable.get('public.unanalysed')?.severity).toBe('error');
    } finally {
      await engine.close();
    }
  });
});
