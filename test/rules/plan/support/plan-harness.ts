import type { Engine } from '../../../../src/engine/engine.js';
import { planStatement } from '../../../../src/explain/plan-statement.js';
import { planFromJson } from '../../../../src/plan/json-plan.js';
import { planMetrics } from '../../../../src/plan/metrics.js';
import type { Plan } from '../../../../src/plan/model.js';
import type { PlanContext, PlanRule } from '../../../../src/rules/plan-rule.js';
import type { Finding } from '../../../../src/rules/schema-rule.js';

/**
 * EXPLAIN (ANALYZE, BUFFERS, SETTINGS) of a query under the given settings (SET LOCAL, in a
 * transaction rolled back afterwards), as pgvigil reads it.
 */
export async function measuredPlan(engine: Engine, sql: string, settings = ''): Promise<Plan> {
  return engine.transaction(
    async (tx) => {
      if (settings) await tx.exec(settings.replace(/\bSET\b/g, 'SET LOCAL'));
      const { rows } = await tx.query<{ 'QUERY PLAN': unknown }>(
        `EXPLAIN (ANALYZE, BUFFERS, SETTINGS, FORMAT JSON) ${sql}`,
      );
      const value = rows[0]?.['QUERY PLAN'];
      return planFromJson(typeof value === 'string' ? JSON.parse(value) : value);
    },
    { rollback: true },
  );
}

/** The plan and its seq-scan-off twin, planned only (never run), as check makes them. */
export async function estimatedPlans(engine: Engine, sql: string) {
  return planStatement(
    engine,
    {
      text: sql,
      kind: 'SelectStmt',
      parameters: Math.max(0, ...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1]))),
    },
    { timeoutMs: 30_000, writesAllowed: false, analyze: false },
  );
}

/** The rule's findings on a plan, with its default thresholds and the given overrides. */
export function judge(
  rule: PlanRule,
  plan: Plan,
  overrides: Record<string, number> = {},
  inputs: Partial<Omit<PlanContext, 'plan' | 'metrics' | 'thresholds'>> = {},
): readonly Finding[] {
  const defaults = Object.fromEntries(
    Object.entries(rule.meta.thresholds ?? {}).map(([name, t]) => [name, t.default]),
  );
  return rule.check({
    ...inputs,
    plan,
    metrics: planMetrics(plan),
    thresholds: { ...defaults, ...overrides },
  });
}

/**
 * A table of `rows` rows: id (primary key), grp = id % groups, a/b/c equal to grp (perfectly
 * correlated), and a text pad of `padBytes` characters. Autovacuum is off for it, so statistics
 * and the visibility map stay as the test leaves them.
 */
export async function seedItems(
  engine: Engine,
  {
    rows,
    groups = 100,
    padBytes = 10,
    table = 'items',
  }: { rows: number; groups?: number; padBytes?: number; table?: string },
): Promise<void> {
  await engine.exec(`
    CREATE TABLE ${table} (id int PRIMARY KEY, grp int NOT NULL, a int, b int, c int, note text)
      WITH (autovacuum_enabled = false);
    INSERT INTO ${table} SELECT g, g % ${groups}, g % ${groups}, g % ${groups}, g % ${groups},
      md5(g::text) || repeat('x', ${Math.max(0, padBytes - 32)}) FROM generate_series(1, ${rows}) g;`);
  await engine.exec(`VACUUM ANALYZE ${table}`);
}

export function nodeOf(plan: Plan, id: unknown) {
  const visit = (node: Plan['root']): Plan['root'] | undefined =>
    node.id === id ? node : node.children.map(visit).find((n) => n !== undefined);
  return visit(plan.root);
}
