import { expect, it } from 'vitest';
import { migrationRules } from '../../src/rules/registry.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';
import { checkRecipe } from './support/recipe-project.js';

const RULE = 'require-attach-partition-check';
const PARENT = 'CREATE TABLE events (id bigint NOT NULL, body text) PARTITION BY RANGE (id);\n';
const SCHEMA = `${PARENT}CREATE TABLE events_1 (id bigint NOT NULL, body text);\n`;
const ATTACH = 'ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES FROM (0) TO (1000);\n';

const MIGRATION_RULES = new Set(migrationRules.map((rule) => rule.meta.id));

/** The migration findings: the schema rules judge the tables' final shape, not this statement. */
function rules(diagnostics: readonly { readonly rule: string }[]): string[] {
  return diagnostics.map((d) => d.rule).filter((id) => MIGRATION_RULES.has(id) || id === 'statement-failed');
}

describeSchemaRule(RULE, (engine) => {
  it('reports ATTACH PARTITION that scans an existing table, and its recipe (key filled in) runs without a finding', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_attach.up.sql': ATTACH,
    });
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data).toMatchObject({
      table: 'public.events_1',
      lock: 'AccessExclusiveLock',
      parent: 'public.events',
      parentLock: 'ShareUpdateExclusiveLock',
    });
    expect(Number(diagnostics[0]?.data?.rowsRead)).toBeGreaterThan(0);
    const recipe = diagnostics[0]?.suggestedSql ?? '';
    expect(recipe).toContain('CHECK (<key> IS NOT NULL AND <key> >= 0 AND <key> < 1000) NOT VALID;');
    expect(rules(await checkRecipe(engine, SCHEMA, recipe.replaceAll('<key>', 'id')))).toEqual([]);
  });

  it('leaves alone ATTACH PARTITION after a validated CHECK that PostgreSQL finds implies the bound', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': `${SCHEMA}ALTER TABLE events_1 ADD CONSTRAINT b CHECK (id >= 0 AND id < 1000);\n`,
      'migrations/000001_attach.up.sql': ATTACH,
    });
    expect(rules(diagnostics)).toEqual([]);
  });

  it('still reports it when the CHECK is NOT VALID, or leaves out what the bound needs (the scan is seen)', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': `${SCHEMA}ALTER TABLE events_1 ADD CONSTRAINT b CHECK (id >= 0 AND id < 1000) NOT VALID;\n`,
      'migrations/000001_attach.up.sql': ATTACH,
    });
    expect(rules(diagnostics)).toEqual([RULE]);
  });

  it('leaves alone a partition created in the same migration, and reports the default partition scanned', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': `${PARENT}CREATE TABLE events_default PARTITION OF events DEFAULT;\n`,
      'migrations/000001_new.up.sql': `CREATE TABLE events_1 (id bigint NOT NULL, body text);\n${ATTACH.replace('(0) TO (1000)', '(1000) TO (2000)')}`,
    });
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data?.scanned).toEqual(['public.events_default']);
    expect(diagnostics[0]?.help).toContain('default partition');
    expect(diagnostics[0]?.suggestedSql).toBeUndefined();
  });

  it('builds the CHECK of a list bound and of a two-column range bound so PostgreSQL skips the scan', async () => {
    const base =
      'CREATE TABLE l (k text NOT NULL, a int NOT NULL, b int NOT NULL) PARTITION BY LIST (k);\nCREATE TABLE l_1 (k text NOT NULL, a int NOT NULL, b int NOT NULL);\nCREATE TABLE r (k text NOT NULL, a int NOT NULL, b int NOT NULL) PARTITION BY RANGE (a, b);\nCREATE TABLE r_1 (k text NOT NULL, a int NOT NULL, b int NOT NULL);\n';
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': base,
      'migrations/000001_l.up.sql': "ALTER TABLE l ATTACH PARTITION l_1 FOR VALUES IN ('1', '2', '3');\n",
      'migrations/000002_r.up.sql':
        'ALTER TABLE r ATTACH PARTITION r_1 FOR VALUES FROM (0, 0) TO (10, MAXVALUE);\n',
    });
    expect(rules(diagnostics)).toEqual([RULE, RULE]);
    const [list, range] = diagnostics.map((d) => d.suggestedSql ?? '');
    expect(list).toContain("CHECK (<key> IS NOT NULL AND <key> IN ('1', '2', '3')) NOT VALID");
    expect(rules(await checkRecipe(engine, base, list?.replaceAll('<key>', 'k')))).toEqual([]);
    const filled = range?.replaceAll('<key1>', 'a').replaceAll('<key2>', 'b');
    expect(rules(await checkRecipe(engine, base, filled))).toEqual([]);
  });

  it('reports the scan when the synthetic rows do not fit the bound and PostgreSQL refuses the ATTACH', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_attach.up.sql':
        'ALTER TABLE events ATTACH PARTITION events_1 FOR VALUES FROM (5000) TO (6000);\n',
    });
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.message).toContain('violated by some row');
  });

  it('reports the default partition scan PostgreSQL refuses when its synthetic rows belong to the new bound', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': `${PARENT}CREATE TABLE events_default PARTITION OF events DEFAULT;\n`,
      'migrations/000001_new.up.sql': `CREATE TABLE events_1 (id bigint NOT NULL, body text);\n${ATTACH}`,
    });
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data?.table).toBe('public.events_default');
  });
});
