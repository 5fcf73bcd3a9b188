import { tableUses } from '../advisor/query-shape.js';
import { statStatement } from '../advisor/stat-statement.js';
import type { CatalogSnapshot, RelationName } from '../catalog/model.js';
import { selectShape } from '../nplusone/select-shape.js';
import type { StatEntry } from './stat-entry.js';

/**
 * The "calls follow rows" heuristic: pg_stat_statements has no sessions, so an N+1 shows only as
 * counts. A lookup by one key (`WHERE col = $1`, about one row per call) whose calls match the
 * rows another query returned, many per call, on tables a foreign key (or the key's name) links.
 */
export const CALLS_FOLLOW_ROWS = {
  /** "About one row per call": a lookup of one row by its key. */
  maxChildRowsPerCall: 1.5,
  /** Child calls may differ from the parent's rows by this share (rows without a child, retries). */
  tolerance: 0.1,
} as const;

export type LinkDirection = 'children' | 'referenced';

/** How the two queries' tables are linked: the column of the parent's rows that feeds the child's key. */
export interface RowLink {
  readonly direction: LinkDirection;
  readonly parentTable: RelationName;
  readonly parentColumn: string;
  /** In words, for the report: `comments.post_id references posts.id`. */
  readonly description: string;
}

export interface CallsFollowRows {
  readonly parent: StatEntry;
  readonly child: StatEntry;
  readonly childKey: string;
  readonly link: RowLink;
}

interface Read {
  readonly entry: StatEntry;
  readonly tables: readonly RelationName[];
}

function selectsOf(entries: readonly StatEntry[], catalog: CatalogSnapshot): Read[] {
  return entries.flatMap((entry) => {
    const statement = statStatement(entry.query);
    if (statement?.kind !== 'SelectStmt') return [];
    const tables = [
      ...new Map(tableUses(catalog.tables, statement.node).map((u) => [u.table.qualified, u.table])).values(),
    ];
    return tables.length > 0 ? [{ entry, tables }] : [];
  });
}

const singular = (name: string): string => name.replace(/s$/, '');

function linkOf(
  catalog: CatalogSnapshot,
  parent: Read,
  child: RelationName,
  key: string,
): RowLink | undefined {
  const parentTables = new Set(parent.tables.map((t) => t.qualified));
  for (const fk of catalog.constraints) {
    const ref = fk.references;
    if (fk.kind !== 'foreign key' || !ref || fk.columns.length !== 1) continue;
    const [column] = fk.columns;
    const [refColumn] = ref.columns;
    if (column === undefined || refColumn === undefined) continue;
    if (fk.table.qualified === child.qualified && column === key && parentTables.has(ref.table.qualified))
      return {
        direction: 'children',
        parentTable: ref.table,
        parentColumn: refColumn,
        description: `${child.name}.${key} references ${ref.table.name}.${refColumn}`,
      };
    if (ref.table.qualified === child.qualified && refColumn === key && parentTables.has(fk.table.qualified))
      return {
        direction: 'referenced',
        parentTable: fk.table,
        parentColumn: column,
        description: `${fk.table.name}.${column} references ${child.name}.${key}`,
      };
  }
  const named = parent.tables.find((t) => key === `${singular(t.name)}_id`);
  return named
    ? {
        direction: 'children',
        parentTable: named,
        parentColumn: 'id',
        description: `${child.name}.${key} is named after ${named.name}`,
      }
    : undefined;
}

/** Each lookup whose calls follow the rows of a linked query, with the closest such parent. */
export function callsFollowRows(
  entries: readonly StatEntry[],
  catalog: CatalogSnapshot,
  minRepeats: number,
): CallsFollowRows[] {
  const selects = selectsOf(entries, catalog);
  const parents = selects.filter((p) => p.entry.rows >= minRepeats * Math.max(p.entry.calls, 1));
  return selects.flatMap((child): CallsFollowRows[] => {
    const { calls, rows } = child.entry;
    const key = selectShape(child.entry.query)?.key;
    const table = child.tables.length === 1 ? child.tables[0] : undefined;
    if (!key || !table || calls < minRepeats || rows > calls * CALLS_FOLLOW_ROWS.maxChildRowsPerCall)
      return [];
    const matches = parents.flatMap((parent) => {
      const gap = Math.abs(calls - parent.entry.rows);
      if (parent === child || gap > calls * CALLS_FOLLOW_ROWS.tolerance) return [];
      const link = linkOf(catalog, parent, table, key);
      return link ? [{ parent: parent.entry, child: child.entry, childKey: key, link, gap }] : [];
    });
    const best = matches.sort((a, b) => a.gap - b.gap)[0];
    return best ? [{ parent: best.parent, child: best.child, childKey: best.childKey, link: best.link }] : [];
  });
}
