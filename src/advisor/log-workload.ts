import { stat } from 'node:fs/promises';
import type { Table } from '../catalog/model.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Engine } from '../engine/engine.js';
import { brokenFinding, skippedFinding } from '../nplusone/analyze-logs.js';
import type { QueryEvent } from '../nplusone/query-event.js';
import { statementFacts } from '../nplusone/statement-facts.js';
import { sqlFileFrom } from '../project/sql-file.js';
import { LogFormatError, type LogOptions, readLog } from '../sources/logs/read-log.js';
import type { Statement } from '../sql/statement.js';
import { isStdin } from '../util/stdin.js';
import { AdviseError } from './advise-error.js';
import { bindParameters } from './bind-parameters.js';
import { tableUses } from './query-shape.js';
import type { WorkloadQuery } from './workload.js';
import { PLANNABLE, planProblem, workloadQuery } from './workload-query.js';

/** The statements taking the most logged time: beyond them, an index's benefit is noise. */
export const LOG_WORKLOAD_LIMIT = 100;

/** One statement of the log (its fingerprint), every execution of it folded in. */
interface Logged {
  readonly first: QueryEvent;
  count: number;
  timed: number;
  totalMs: number;
}

export interface LogWorkload {
  readonly queries: readonly WorkloadQuery[];
  readonly diagnostics: readonly Diagnostic[];
  readonly notes: readonly string[];
}

async function foldLog(file: string, options: LogOptions) {
  const byFingerprint = new Map<string, Logged>();
  const { batches, summary } = await readLog(file, options).catch((error: unknown) => {
    if (error instanceof LogFormatError) throw new AdviseError(error.message);
    throw error;
  });
  for await (const batch of batches)
    for (const event of batch) {
      const fingerprint = statementFacts(event.sql)?.fingerprint;
      if (fingerprint === undefined) continue;
      const logged = byFingerprint.get(fingerprint) ?? { first: event, count: 0, timed: 0, totalMs: 0 };
      logged.count++;
      if (event.durationMs !== undefined) {
        logged.timed++;
        logged.totalMs += event.durationMs;
      }
      byFingerprint.set(fingerprint, logged);
    }
  return { logged: [...byFingerprint.values()], summary: summary() };
}

/** count × mean duration when the log timed the statement, else its count. */
function weightOf(logged: Logged): number {
  return logged.timed > 0 ? logged.count * (logged.totalMs / logged.timed) : logged.count;
}

function statementOf(file: string, sql: string): Statement | undefined {
  return sqlFileFrom(file, sql).split.statements[0];
}

/** The statement with the logged values in place when it plans so, else as logged ($n: a generic plan). */
async function plannable(engine: Engine, file: string, event: QueryEvent): Promise<Statement | undefined> {
  const bound = event.parameters && bindParameters(event.sql, event.parameters);
  for (const text of bound ? [bound, event.sql] : [event.sql]) {
    const statement = statementOf(file, text);
    if (statement && (await planProblem(engine, statement)) === undefined) return statement;
  }
  return undefined;
}

/**
 * The workload a PostgreSQL log (stderr, csvlog or jsonlog, as `pgvigil n1` reads it) recorded:
 * executions grouped by fingerprint, each statement weighing its count × mean logged duration,
 * the heaviest LOG_WORKLOAD_LIMIT on the schema's tables kept. Bind parameters printed in a
 * `parameters:` DETAIL are put in place (a custom plan, as it ran); without them, $n is planned
 * generically.
 */
export async function readLogWorkload(
  engine: Engine,
  file: string,
  tables: readonly Table[],
  options: LogOptions = {},
): Promise<LogWorkload> {
  if (!isStdin(file)) {
    const info = await stat(file).catch(() => undefined);
    if (!info)
      throw new AdviseError(`${file}: no such file; give a PostgreSQL log (stderr, csvlog or jsonlog).`);
    // Not only a regular file: a pipe (--log <(kubectl logs …)) is read like one.
    if (info.isDirectory())
      throw new AdviseError(
        `${file} is a directory; --log takes one PostgreSQL log (stderr, csvlog or jsonlog).`,
      );
  }
  const { logged, summary } = await foldLog(file, options);
  const onTables = logged
    .filter((l) => {
      const statement = statementOf(file, l.first.sql);
      return statement && PLANNABLE.has(statement.kind) && tableUses(tables, statement.node).length > 0;
    })
    .sort((a, b) => weightOf(b) - weightOf(a));
  const queries: WorkloadQuery[] = [];
  let skipped = 0;
  for (const l of onTables.slice(0, LOG_WORKLOAD_LIMIT)) {
    const statement = await plannable(engine, file, l.first);
    if (!statement) {
      skipped++;
      continue;
    }
    const total = l.timed > 0 ? `, ${Math.round(weightOf(l))} ms` : '';
    const label = `${file}:${l.first.origin.line} (${l.count} calls${total}): ${l.first.sql.replace(/\s+/g, ' ').slice(0, 80)}`;
    queries.push(workloadQuery(queries.length, statement, tables, { label, weight: weightOf(l) }));
  }
  const timed = logged.some((l) => l.timed > 0);
  const note = `Workload: the ${queries.length} statements on this schema's tables among the ${logged.length} distinct statements of ${file} (${summary.format}), each weighted by ${timed ? 'its count × mean logged duration (ms)' : 'its count (the log has no durations: log_min_duration_statement or log_duration gives them)'}${skipped ? `; ${skipped} others left out: they do not plan here` : ''}.`;
  return {
    queries,
    diagnostics: [
      ...(summary.skipped ? [skippedFinding(summary.skipped)] : []),
      ...(summary.broken ? [brokenFinding(file, summary.broken)] : []),
    ],
    notes: [note],
  };
}
