import type { CopyStmt, DeleteStmt, InsertStmt, Node, UpdateStmt } from '@pgsql/types';
import { findWrapped } from './find-wrapped.js';
import {
  assumedExisting,
  merge,
  type Prediction,
  type PredictionInput,
  resolve,
  rowsWritten,
  scanOf,
  tableLock,
} from './prediction.js';

/** Tables a query reads (CTE names left out), schema-qualified, each once. */
export function readsOf(input: PredictionInput, query: unknown): string[] {
  if (!query) return [];
  const ctes = new Set(findWrapped(query, 'CommonTableExpr').map((cte) => cte.ctename));
  const ranges = findWrapped(query, 'RangeVar').filter(
    (range) => range.relname && !(range.schemaname === undefined && ctes.has(range.relname)),
  );
  return [...new Set(ranges.map((range) => resolve(input, range)))];
}

/** `WHERE false`: the statement touches no row, whatever the table holds. */
function matchesNothing(where: Node | undefined): boolean {
  return (
    where !== undefined &&
    'A_Const' in where &&
    where.A_Const.boolval !== undefined &&
    !where.A_Const.boolval.boolval
  );
}

function assumeRows(table: string): string {
  return `its WHERE clause matches rows of ${table}`;
}

function reading(input: PredictionInput, reads: readonly string[]): Partial<Prediction> {
  return { locks: reads.map((r) => tableLock(input, r, 'AccessShareLock')), activity: reads.map(scanOf) };
}

export function predictUpdateOrDelete(
  input: PredictionInput,
  stmt: UpdateStmt | DeleteStmt,
  change: 'updated' | 'deleted',
): Prediction {
  if (!stmt.relation?.relname) return merge();
  const table = resolve(input, stmt.relation);
  const others = readsOf(input, stmt).filter((r) => r !== table);
  const none = matchesNothing(stmt.whereClause);
  return merge(
    {
      locks: [tableLock(input, table, 'RowExclusiveLock')],
      activity: none ? [] : [rowsWritten(table, { [change]: 1 })],
      assumptions: none
        ? []
        : [...(stmt.whereClause ? [assumeRows(table)] : []), ...assumedExisting(input, table)],
    },
    reading(input, others),
  );
}

export function predictInsert(input: PredictionInput, stmt: InsertStmt): Prediction {
  if (!stmt.relation?.relname) return merge();
  const table = resolve(input, stmt.relation);
  const reads = readsOf(input, stmt.selectStmt).filter((r) => r !== table);
  const fromTables = reads.length > 0;
  return merge(
    {
      locks: [tableLock(input, table, 'RowExclusiveLock')],
      activity: [rowsWritten(table, { inserted: 1 })],
      assumptions: fromTables ? reads.flatMap((r) => assumedExisting(input, r)) : [],
    },
    reading(input, reads),
  );
}

/** COPY FROM writes rows as INSERT does (ROW EXCLUSIVE); COPY TO reads the table, or runs its query. */
export function predictCopy(input: PredictionInput, stmt: CopyStmt): Prediction {
  if (!stmt.relation?.relname) return merge(reading(input, readsOf(input, stmt.query)));
  const table = resolve(input, stmt.relation);
  if (!stmt.is_from) return merge(reading(input, [table]));
  return merge({
    locks: [tableLock(input, table, 'RowExclusiveLock')],
    activity: [rowsWritten(table, { inserted: 1 })],
  });
}

export function predictSelect(input: PredictionInput, stmt: Node): Prediction {
  return merge(reading(input, readsOf(input, stmt)));
}
