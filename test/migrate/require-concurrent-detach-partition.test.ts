import { expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { migrationRules } from '../../src/rules/registry.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';
import { checkRecipe } from './support/recipe-project.js';

const RULE = 'require-concurrent-detach-partition';
const PARENT = 'CREATE TABLE events (id bigint PRIMARY KEY, body text) PARTITION BY RANGE (id);\n';
const SCHEMA = `${PARENT}CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (1000);\n`;
const DETACH = 'ALTER TABLE events DETACH PARTITION events_1;\n';
const MIGRATION_RULES = new Set(migrationRules.map((rule) => rule.meta.id));

function rules(diagnostics: readonly { readonly rule: string }[]): string[] {
  return diagnostics.map((d) => d.rule).filter((id) => MIGRATION_RULES.has(id) || id === 'statement-failed');
}

describeSchemaRule(RULE, (engine) => {
  it('reports DETACH PARTITION on an existing parent (ACCESS EXCLUSIVE seen), and the CONCURRENTLY fix runs clean', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_detach.up.sql': DETACH,
    });
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.data).toMatchObject({ table: 'public.events', lock: 'AccessExclusiveLock' });
    const fix = diagnostics[0]?.suggestedSql;
    expect(fix).toContain('ALTER TABLE events DETACH PARTITION events_1 CONCURRENTLY;');
    expect(rules(await checkRecipe(engine, SCHEMA, fix))).toEqual([]);
  });

  it('leaves alone a detach from a parent created in the same migration', async () => {
    const { diagnostics } = await checkProject(engine, {
      'migrations/000001_new.up.sql': `${SCHEMA}${DETACH}`,
    });
    expect(rules(diagnostics)).toEqual([]);
  });

  it('CONCURRENTLY in a transaction is refused by PostgreSQL and reported by ban-concurrent-in-transaction', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_detach.up.sql': `SELECT 1;\n${DETACH.replace(';', ' CONCURRENTLY;')}`,
    });
    expect(rules(diagnostics)).toEqual(['ban-concurrent-in-transaction']);
  });

  it('CONCURRENTLY is refused when the parent has a DEFAULT partition (as the help says)', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': `${SCHEMA}CREATE TABLE events_default PARTITION OF events DEFAULT;\n`,
      'migrations/000001_detach.up.sql': DETACH.replace(';', ' CONCURRENTLY;'),
    });
    expect(rules(diagnostics)).toEqual(['statement-failed']);
    expect(diagnostics.find((d) => d.rule === 'statement-failed')?.message).toMatch(/default partition/i);
  });

  it('before PostgreSQL 14 says there is no CONCURRENTLY and suggests lock_timeout off-peak', async () => {
    // The same engine, judged as a PostgreSQL 13 server would be (as --pg-version 13 does).
    const as13: Engine = {
      kind: engine.kind,
      serverVersion: 130000,
      query: (sql, params) => engine.query(sql, params),
      exec: (sql) => engine.exec(sql),
      transaction: (fn, opts) => engine.transaction(fn, opts),
      resetSession: () => engine.resetSession(),
      close: () => engine.close(),
    };
    const { diagnostics } = await checkProject(as13, {
      'schema.sql': SCHEMA,
      'migrations/000001_detach.up.sql': DETACH,
    });
    const finding = diagnostics.find((d) => d.rule === RULE);
    expect(finding?.help).toContain('PostgreSQL 13 has no DETACH PARTITION ... CONCURRENTLY');
    expect(finding?.suggestedSql).toContain("SET lock_timeout = '3s';");
    expect(finding?.suggestedSql).not.toContain('CONCURRENTLY');
  });
});
