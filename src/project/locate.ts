import type { Constraint, Table } from '../catalog/model.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import type { ObjectRef } from '../rules/schema-rule.js';
import type { SplitResult } from '../sql/split.js';
import type { Statement } from '../sql/statement.js';
import { walk } from '../sql/walk.js';
import { columnDefinitionLocation } from './locate-column.js';
import type { StatementOrigin } from './origins.js';

function stringList(nodes: readonly unknown[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) => {
    const value = (node as { String?: { sval?: string } }).String?.sval;
    return value === undefined ? [] : [value];
  });
}

/** Where in the statement a foreign key is written: its named clause, its column list, or its column. */
function foreignKeyLocation(statement: Statement, constraint: Constraint): number | undefined {
  let found: number | undefined;
  walk(statement.node, {
    Constraint(node, path) {
      if (found !== undefined || node.contype !== 'CONSTR_FOREIGN') return undefined;
      const column = path.ancestors.findLast((a) => a.type === 'ColumnDef')?.node as
        | { colname?: string; location?: number }
        | undefined;
      const columns = column?.colname ? [column.colname] : stringList(node.fk_attrs);
      const sameColumns = columns.join(',') === constraint.columns.join(',');
      if (node.conname === constraint.name || (node.conname === undefined && sameColumns)) {
        found = column?.location ?? node.location;
      }
      return undefined;
    },
  });
  return found !== undefined && found >= 0 ? found : undefined;
}

/** From an index into the file to the end of that line, trailing comma, spaces and comment left out. */
function lineSpan(split: SplitResult, file: string, start: number): SourceSpan {
  const text = split.source.text;
  const lineEnd = text.indexOf('\n', start);
  const line = text.slice(start, lineEnd === -1 ? text.length : lineEnd);
  const code = line.replace(/--.*$/, '').replace(/[\s,]+$/, '');
  return split.source.spanOf(file, start, start + Math.max(code.length, 1));
}

/** A column added after the table was created: the first ALTER TABLE ... ADD COLUMN of it, in load order. */
function addedColumnSpan(
  splits: ReadonlyMap<string, SplitResult>,
  table: Table,
  column: string,
): SourceSpan | undefined {
  for (const [file, split] of splits) {
    for (const statement of split.statements) {
      if (statement.kind !== 'AlterTableStmt') continue;
      const at = columnDefinitionLocation(statement, table, column);
      if (at !== undefined) return lineSpan(split, file, at);
    }
  }
  return undefined;
}

export type Locator = (ref: ObjectRef) => SourceSpan | undefined;

/** Maps catalog objects back to the statement (and clause) that created them. */
export function makeLocator(
  origins: ReadonlyMap<number, StatementOrigin>,
  splits: ReadonlyMap<string, SplitResult>,
): Locator {
  return (ref) => {
    const oid =
      ref.kind === 'constraint' ? ref.constraint.oid : ref.kind === 'index' ? ref.index.oid : ref.table.oid;
    const origin = origins.get(oid);
    const split = origin && splits.get(origin.file);
    const statement = origin && split?.statements[origin.statementIndex];
    if (!origin || !split || !statement) return undefined;
    if (ref.kind === 'column') {
      const own = columnDefinitionLocation(statement, ref.table, ref.column);
      if (own !== undefined) return lineSpan(split, origin.file, own);
      return addedColumnSpan(splits, ref.table, ref.column) ?? statement.span;
    }
    const clause = ref.kind === 'constraint' ? foreignKeyLocation(statement, ref.constraint) : undefined;
    return clause === undefined ? statement.span : lineSpan(split, origin.file, clause);
  };
}
