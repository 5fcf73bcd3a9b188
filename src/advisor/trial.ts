import type { Engine } from '../engine/engine.js';
import { estimatedPlan } from '../explain/plan-statement.js';
import type { Plan } from '../plan/model.js';
import { planNodes } from '../plan/nodes.js';
import { type IndexCandidate, indexTarget } from './index-candidate.js';
import { pinColumnStatistics, pinSizes } from './pinned-sizes.js';
import type { WorkloadQuery } from './workload.js';

/** What planning the workload with some indexes in place gave. */
export interface TrialOutcome {
  /** Planner cost per query id. */
  readonly costs: ReadonlyMap<number, number>;
  /** Queries whose plan uses one of the trial indexes. */
  readonly users: ReadonlySet<number>;
  /** Bytes per trial index, in the order given (HypoPG: its estimate). */
  readonly sizes: readonly number[];
}

/**
 * How indexes are tried: 'rollback' builds them for real in a transaction that is always rolled
 * back (embedded engine, scratch database); 'hypopg' makes HypoPG's backend-local hypothetical
 * indexes, which write nothing to the catalog (a user's database, read-only session).
 */
export type TrialMethod = 'rollback' | 'hypopg';

const TRIAL_PREFIX = 'pgvigil_trial_';

function cost(plan: Plan): number {
  return plan.root.totalCost ?? 0;
}

async function planAll(
  tx: Engine,
  queries: readonly WorkloadQuery[],
  isTrialIndex: (name: string) => boolean,
): Promise<Pick<TrialOutcome, 'costs' | 'users'>> {
  const costs = new Map<number, number>();
  const users = new Set<number>();
  for (const query of queries) {
    const plan = await estimatedPlan(tx, query.statement.text, query.parameters);
    costs.set(query.id, cost(plan));
    if (planNodes(plan.root).some((n) => n.indexName !== undefined && isTrialIndex(n.indexName)))
      users.add(query.id);
  }
  return { costs, users };
}

async function rollbackTrial(
  engine: Engine,
  candidates: readonly IndexCandidate[],
  queries: readonly WorkloadQuery[],
): Promise<TrialOutcome> {
  const keepSizes = await pinSizes(
    engine,
    candidates.map((c) => c.table),
  );
  const expressions = candidates.filter((c) => c.keys.some((k) => k.kind === 'expression'));
  const keepColumns = await pinColumnStatistics(
    engine,
    expressions.map((c) => c.table),
  );
  const outcome = await engine.transaction(
    async (tx) => {
      const sizes: number[] = [];
      for (const [i, candidate] of candidates.entries()) {
        const name = `${TRIAL_PREFIX}${i}`;
        await tx.exec(`CREATE INDEX ${name} ${indexTarget(candidate)}`);
        // An expression index gets statistics of its own only from ANALYZE (rolled back with the rest).
        if (expressions.includes(candidate)) {
          await tx.exec(`ANALYZE ${candidate.table}`);
          await keepColumns(tx);
        }
        await keepSizes(tx);
        const { rows } = await tx.query<{ size: string }>('SELECT pg_relation_size($1::regclass) AS size', [
          name,
        ]);
        sizes.push(Number(rows[0]?.size ?? 0));
      }
      return { ...(await planAll(tx, queries, (n) => n.startsWith(TRIAL_PREFIX))), sizes };
    },
    { rollback: true },
  );
  await keepSizes(engine);
  return outcome;
}

async function hypopgTrial(
  engine: Engine,
  candidates: readonly IndexCandidate[],
  queries: readonly WorkloadQuery[],
): Promise<TrialOutcome> {
  const oids: number[] = [];
  const sizes: number[] = [];
  try {
    for (const candidate of candidates) {
      const { rows } = await engine.query<{ oid: number; size: string }>(
        'SELECT indexrelid::int8 AS oid, hypopg_relation_size(indexrelid) AS size FROM hypopg_create_index($1)',
        [`CREATE INDEX ${indexTarget(candidate)}`],
      );
      oids.push(Number(rows[0]?.oid));
      sizes.push(Number(rows[0]?.size ?? 0));
    }
    // HypoPG names its indexes <oid>btree_table_column in plans.
    const mine = (name: string) => oids.some((oid) => name.startsWith(`<${oid}>`));
    return { ...(await planAll(engine, queries, mine)), sizes };
  } finally {
    await engine.query('SELECT hypopg_reset()').catch(() => undefined);
  }
}

/** Plans the queries with the candidates in place, by the method given; nothing outlives the call. */
export function tryIndexes(
  method: TrialMethod,
  engine: Engine,
  candidates: readonly IndexCandidate[],
  queries: readonly WorkloadQuery[],
): Promise<TrialOutcome> {
  return method === 'hypopg'
    ? hypopgTrial(engine, candidates, queries)
    : rollbackTrial(engine, candidates, queries);
}

/** The workload's costs as they stand: the baseline every trial is compared with. */
export function baselineCosts(engine: Engine, queries: readonly WorkloadQuery[]): Promise<TrialOutcome> {
  return tryIndexes('rollback', engine, [], queries);
}
