import { setTimeout as sleep } from 'node:timers/promises';
import type { CatalogSnapshot } from '../catalog/model.js';
import { readCatalog } from '../catalog/read-catalog.js';
import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { openServer } from '../engine/server.js';
import { readTableSizes } from '../migrate/table-sizes.js';
import { nPlusOne } from '../rules/n-plus-one/n-plus-one.js';
import { initSql } from '../sql/parser.js';
import { callsFollowRows } from './calls-follow-rows.js';
import { nPlusOneFinding } from './n-plus-one-finding.js';
import { withoutOwnStatements } from './own-statements.js';
import { type PlanOutcome, planFindings } from './plan-findings.js';
import { type RankedStatement, rankStatements, type SortKey } from './rank.js';
import { snapshotDelta } from './snapshot-delta.js';
import type { StatSnapshot } from './stat-entry.js';
import { readStatSnapshot, statStatementsSchema } from './stat-statements.js';
import { type AdviceOptions, topAdvice } from './top-advice.js';
import { topQueryDiagnostic } from './top-query-diagnostic.js';

/** Live commands wait at most this long for one statement on a user's server. */
export const TOP_STATEMENT_TIMEOUT_MS = 5_000;

export interface TopOptions {
  readonly db: string;
  readonly sort: SortKey;
  readonly limit: number;
  /** Two snapshots this far apart: rank what happened in between. */
  readonly intervalMs?: number;
  readonly timeoutMs: number;
  readonly settings: ReadonlyMap<string, RuleSettings>;
  readonly advice: AdviceOptions;
}

export interface TopResult {
  readonly ranked: readonly RankedStatement[];
  /** Plan outcome per rank. */
  readonly plans: ReadonlyMap<number, PlanOutcome>;
  readonly diagnostics: readonly Diagnostic[];
  /** `since the last reset` or `in the last 30 s`. */
  readonly window: string;
  readonly notes: readonly string[];
}

async function snapshotOf(
  engine: Engine,
  schema: string,
  intervalMs: number | undefined,
): Promise<StatSnapshot> {
  const first = await readStatSnapshot(engine, schema);
  if (intervalMs === undefined) return first;
  await sleep(intervalMs);
  return snapshotDelta(first, await readStatSnapshot(engine, schema));
}

function nPlusOneFindings(
  snapshot: StatSnapshot,
  catalog: CatalogSnapshot,
  settings: TopOptions['settings'],
) {
  const setting = settings.get(nPlusOne.id);
  if (setting && !setting.enabled) return [];
  const min = setting?.thresholds.minRepeats ?? nPlusOne.thresholds?.minRepeats?.default ?? 5;
  return callsFollowRows(snapshot.entries, catalog, min).map((signal) => nPlusOneFinding(signal, setting));
}

function snapshotNotes(snapshot: StatSnapshot, window: string): string[] {
  return [
    `pg_stat_statements of this database, ${window}: ${snapshot.entries.length} statements (pgvigil's own left out); plans are generic or estimated, never run.`,
    ...(snapshot.hidden > 0
      ? [
          `${snapshot.hidden} statements of other roles skipped: their text shows as <insufficient privilege>. GRANT pg_read_all_stats (or pg_monitor) to this role to see them.`,
        ]
      : []),
  ];
}

/** `pgvigil top --db URL`: the most expensive statements, each with its plan findings and index advice. */
export async function runTop(options: TopOptions): Promise<TopResult> {
  await initSql();
  const engine = await openServer(options.db, { readOnly: true, statementTimeoutMs: options.timeoutMs });
  try {
    const schema = await statStatementsSchema(engine);
    const snapshot = withoutOwnStatements(await snapshotOf(engine, schema, options.intervalMs));
    const window =
      options.intervalMs === undefined
        ? 'since its last reset'
        : `in ${Math.round(options.intervalMs / 100) / 10} s`;
    const ranked = rankStatements(snapshot.entries, options.sort, options.limit);
    const catalog = await readCatalog(engine);
    const tableSizes = await readTableSizes(engine);
    const plans = new Map<number, PlanOutcome>();
    const diagnostics: Diagnostic[] = [];
    for (const r of ranked) {
      const outcome = await planFindings(engine, r, {
        timeoutMs: options.timeoutMs,
        tableSizes,
        settings: options.settings,
      });
      plans.set(r.rank, outcome);
      diagnostics.push(topQueryDiagnostic(r, options.sort, window), ...outcome.diagnostics);
    }
    const advice = await topAdvice(engine, catalog, ranked, options.advice);
    return {
      ranked,
      plans,
      diagnostics: [
        ...diagnostics,
        ...advice.diagnostics,
        ...nPlusOneFindings(snapshot, catalog, options.settings),
      ],
      window,
      notes: [...snapshotNotes(snapshot, window), ...advice.notes],
    };
  } finally {
    await engine.close();
  }
}
