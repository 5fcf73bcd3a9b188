import { quoteIdentifier } from '../catalog/diff/names.js';
import type { CatalogSnapshot, Column, Table } from '../catalog/model.js';
import type { TableFingerprint } from './table-fingerprint.js';

/** A table or column the up step took away or retyped, and the down step gave back in its old shape. */
export interface LossCandidate {
  readonly table: Table;
  /** Undefined: the up dropped the whole table. */
  readonly column?: Column;
  /** What the up step did, for the sentence: "drops it", "changes its type to varchar(10)". */
  readonly upDid: string;
}

/** Tables the up step dropped and columns it dropped or retyped: where rows can be lost. */
export function lossCandidates(s0: CatalogSnapshot, s1: CatalogSnapshot): readonly LossCandidate[] {
  const after = new Map(s1.tables.map((table) => [table.qualified, table]));
  return s0.tables.flatMap((table): LossCandidate[] => {
    const t1 = after.get(table.qualified);
    if (!t1) return [{ table, upDid: 'drops it' }];
    return table.columns.flatMap((column): LossCandidate[] => {
      const c1 = t1.columns.find((c) => c.name === column.name);
      if (!c1) return [{ table, column, upDid: 'drops it' }];
      return c1.type === column.type ? [] : [{ table, column, upDid: `changes its type to ${c1.type}` }];
    });
  });
}

/** The candidates whose shape the down step restored (else the schema diff already says what is missing). */
export function restoredShape(
  candidates: readonly LossCandidate[],
  s2: CatalogSnapshot,
): readonly LossCandidate[] {
  const after = new Map(s2.tables.map((table) => [table.qualified, table]));
  return candidates.filter(({ table, column }) => {
    const t2 = after.get(table.qualified);
    if (!t2 || !column) return t2 !== undefined;
    return t2.columns.some((c) => c.name === column.name && c.type === column.type);
  });
}

export interface DataLoss {
  readonly candidate: LossCandidate;
  readonly message: string;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
}

/** Each restored table or column whose rows or values did not come back, said in words. */
export function observedLosses(
  candidates: readonly LossCandidate[],
  before: ReadonlyMap<string, TableFingerprint>,
  after: ReadonlyMap<string, TableFingerprint>,
): readonly DataLoss[] {
  return candidates.flatMap((candidate): DataLoss[] => {
    const { table, column } = candidate;
    const [b, a] = [before.get(table.qualified), after.get(table.qualified)];
    if (!b || !a || b.rows === 0) return [];
    const counts = { rowsBefore: b.rows, rowsAfter: a.rows };
    if (!column) {
      if (a.rows >= b.rows) return [];
      return [
        {
          candidate,
          ...counts,
          message: `down recreates table ${table.qualified} but not its rows: the up ${candidate.upDid}, and ${b.rows - a.rows} of ${b.rows} rows are gone after rolling back`,
        },
      ];
    }
    if (a.rows === b.rows && a.columns.get(column.name) === b.columns.get(column.name)) return [];
    const name = `${table.qualified}.${quoteIdentifier(column.name)}`;
    return [
      {
        candidate,
        ...counts,
        message: `down restores column ${name} but not its values: the up ${candidate.upDid}, and the values in its ${b.rows} rows do not come back`,
      },
    ];
  });
}

/** A table that existed before the up step and is still there after down, with another row count. */
export interface RowCountChange {
  readonly table: string;
  readonly rowsBefore: number;
  readonly rowsAfter: number;
}

/**
 * --with-data: every table the up step did not create must hold as many rows after down as before
 * up (tables already reported as losing rows are left to that finding).
 */
export function rowCountChanges(
  before: ReadonlyMap<string, TableFingerprint>,
  after: ReadonlyMap<string, TableFingerprint>,
  reported: ReadonlySet<string>,
): readonly RowCountChange[] {
  return [...before].flatMap(([table, b]): RowCountChange[] => {
    const a = after.get(table);
    if (!a || a.rows === b.rows || reported.has(table)) return [];
    return [{ table, rowsBefore: b.rows, rowsAfter: a.rows }];
  });
}
