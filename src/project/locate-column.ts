import type { Table } from '../catalog/model.js';
import type { Statement } from '../sql/statement.js';
import { walk } from '../sql/walk.js';

interface RangeVarLike {
  readonly relname?: string;
  readonly schemaname?: string;
}

function namesTable(relation: RangeVarLike | undefined, table: Table): boolean {
  return (
    relation?.relname === table.name &&
    (relation.schemaname === undefined || relation.schemaname === table.schema)
  );
}

/**
 * Where a column is defined in a statement: its ColumnDef inside CREATE TABLE of that table, or
 * inside ALTER TABLE ... ADD COLUMN on it. Names are compared as the parser folded them.
 */
export function columnDefinitionLocation(
  statement: Statement,
  table: Table,
  column: string,
): number | undefined {
  let found: number | undefined;
  walk(statement.node, {
    ColumnDef(node, path) {
      if (found !== undefined || node.colname !== column) return false;
      const owner = path.ancestors.findLast((a) => a.type === 'CreateStmt' || a.type === 'AlterTableStmt');
      const relation = (owner?.node as { relation?: RangeVarLike } | undefined)?.relation;
      if (namesTable(relation, table) && node.location !== undefined && node.location >= 0) {
        found = node.location;
      }
      return false;
    },
  });
  return found;
}
