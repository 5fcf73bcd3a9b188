import type { Node, RangeVar } from '@pgsql/types';
import type { Table } from '../catalog/model.js';

/** The tables one SELECT (or UPDATE/DELETE) reads, by the names its column references may use. */
export interface Scope {
  readonly tables: readonly Table[];
  readonly byAlias: ReadonlyMap<string, Table>;
}

/** A column reference resolved to its table; undefined for outer, CTE or unknown references. */
export interface ResolvedColumn {
  readonly table: Table;
  readonly column: string;
}

function findTable(tables: readonly Table[], range: RangeVar): Table | undefined {
  const named = tables.filter((t) => t.name === range.relname);
  if (range.schemaname) return named.find((t) => t.schema === range.schemaname);
  return named.find((t) => t.schema === 'public') ?? named[0];
}

/** RangeVars of a FROM list, through joins; the ON conditions of the joins go to `quals`. */
function ranges(items: readonly Node[], quals: Node[]): RangeVar[] {
  return items.flatMap((item): RangeVar[] => {
    if ('RangeVar' in item) return [item.RangeVar];
    if ('JoinExpr' in item) {
      const join = item.JoinExpr;
      if (join.quals) quals.push(join.quals);
      return ranges(
        [join.larg, join.rarg].filter((n): n is Node => n !== undefined),
        quals,
      );
    }
    return [];
  });
}

export function scopeOf(
  catalog: readonly Table[],
  from: readonly Node[],
): { readonly scope: Scope; readonly joinQuals: readonly Node[] } {
  const joinQuals: Node[] = [];
  const byAlias = new Map<string, Table>();
  const tables: Table[] = [];
  for (const range of ranges(from, joinQuals)) {
    const table = findTable(catalog, range);
    if (!table) continue;
    tables.push(table);
    byAlias.set(range.alias?.aliasname ?? range.relname ?? '', table);
  }
  return { scope: { tables, byAlias }, joinQuals };
}

export function resolveColumn(scope: Scope, node: Node | undefined): ResolvedColumn | undefined {
  if (!node || !('ColumnRef' in node)) return undefined;
  const names = (node.ColumnRef.fields ?? []).map((f) => ('String' in f ? f.String.sval : undefined));
  if (names.some((n) => n === undefined)) return undefined;
  const [first, second] = names as string[];
  if (names.length === 2 && first && second) {
    const table = scope.byAlias.get(first);
    return table?.columns.some((c) => c.name === second) ? { table, column: second } : undefined;
  }
  if (names.length !== 1 || !first) return undefined;
  const owners = scope.tables.filter((t) => t.columns.some((c) => c.name === first));
  return owners.length === 1 && owners[0] ? { table: owners[0], column: first } : undefined;
}
