import { expect, it } from 'vitest';
import { migrationRules } from '../../src/rules/registry.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';
import { checkRecipe } from './support/recipe-project.js';

const RULE = 'ban-domain-constraint-scan';
const SCHEMA =
  'CREATE DOMAIN positive AS bigint;\nCREATE TABLE orders (id bigint PRIMARY KEY, qty positive);\nCREATE TABLE lines (id bigint PRIMARY KEY, qty positive);\n';
const MIGRATION_RULES = new Set(migrationRules.map((rule) => rule.meta.id));

function rules(diagnostics: readonly { readonly rule: string }[]): string[] {
  return diagnostics.map((d) => d.rule).filter((id) => MIGRATION_RULES.has(id) || id === 'statement-failed');
}

async function migrate(engine: Parameters<typeof checkProject>[0], sql: string, schema = SCHEMA) {
  return (await checkProject(engine, { 'schema.sql': schema, 'migrations/000001_domain.up.sql': sql }))
    .diagnostics;
}

describeSchemaRule(RULE, (engine) => {
  it('reports ADD CONSTRAINT that scans every table using the domain under SHARE, and its NOT VALID fix runs clean', async () => {
    const diagnostics = await migrate(
      engine,
      'ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0);\n',
    );
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data).toMatchObject({
      domain: 'positive',
      tables: ['public.lines', 'public.orders'],
      lock: 'ShareLock',
    });
    const fix = diagnostics[0]?.suggestedSql;
    expect(fix).toMatch(/NOT VALID;$/);
    expect(rules(await checkRecipe(engine, SCHEMA, fix))).toEqual([]);
  });

  it('reports SET NOT NULL (it scans too) with a CHECK (VALUE IS NOT NULL) NOT VALID fix that runs clean', async () => {
    const diagnostics = await migrate(engine, 'ALTER DOMAIN positive SET NOT NULL;\n');
    expect(rules(diagnostics)).toEqual([RULE]);
    const fix = diagnostics[0]?.suggestedSql;
    expect(fix).toContain('CHECK (VALUE IS NOT NULL) NOT VALID;');
    expect(rules(await checkRecipe(engine, SCHEMA, fix))).toEqual([]);
  });

  it('reports VALIDATE CONSTRAINT: on a domain it takes SHARE on every table using it, unlike on a table', async () => {
    const diagnostics = await migrate(
      engine,
      'ALTER DOMAIN positive VALIDATE CONSTRAINT positive_check;\n',
      `${SCHEMA}ALTER DOMAIN positive ADD CONSTRAINT positive_check CHECK (VALUE > 0) NOT VALID;\n`,
    );
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data?.lock).toBe('ShareLock');
  });

  it('leaves alone a domain used only by tables created in the same migration, or by none', async () => {
    const diagnostics = await migrate(
      engine,
      'CREATE DOMAIN small AS int;\nCREATE TABLE boxes (id bigint PRIMARY KEY, n small);\nALTER DOMAIN small ADD CONSTRAINT small_check CHECK (VALUE < 10);\nALTER DOMAIN positive DROP NOT NULL;\n',
      'CREATE DOMAIN positive AS bigint;\nCREATE TABLE orders (id bigint PRIMARY KEY, qty bigint);\n',
    );
    expect(rules(diagnostics)).toEqual([]);
  });
});
