import type { AlterTableCmd, Node } from '@pgsql/types';
import type { StatementContext } from '../migration-rule.js';
import { preExistingTarget } from './pre-existing.js';

export interface AlteredTable {
  /** Schema-qualified, as the engine resolved it. */
  readonly table: string;
  readonly cmds: readonly AlterTableCmd[];
}

/** ALTER TABLE on a table that existed before the migration, with its subcommands; undefined otherwise. */
export function alteredPreExistingTable(ctx: StatementContext): AlteredTable | undefined {
  const node: Node = ctx.statement.node;
  if (!('AlterTableStmt' in node) || node.AlterTableStmt.objtype !== 'OBJECT_TABLE') return undefined;
  const table = preExistingTarget(ctx, node.AlterTableStmt.relation);
  if (!table) return undefined;
  const cmds = (node.AlterTableStmt.cmds ?? []).flatMap((cmd) =>
    'AlterTableCmd' in cmd ? [cmd.AlterTableCmd] : [],
  );
  return { table, cmds };
}
