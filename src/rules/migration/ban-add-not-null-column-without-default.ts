import type { ColumnDef, Node } from '@pgsql/types';
import { quoteIdent } from '../../sql/quote.js';
import type { FailureContext, MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { alteredPreExistingTable } from './observed-table.js';

/** SQLSTATE 23502: "column ... of relation ... contains null values". */
const NOT_NULL_VIOLATION = '23502';

/** Columns the statement adds NOT NULL with nothing to fill existing rows or old writers' INSERTs: no default, identity or generated value. */
function bareNotNullColumns(node: Node): ColumnDef[] {
  if (!('AlterTableStmt' in node)) return [];
  return (node.AlterTableStmt.cmds ?? []).flatMap((cmd) => {
    const def =
      'AlterTableCmd' in cmd && cmd.AlterTableCmd.subtype === 'AT_AddColumn'
        ? cmd.AlterTableCmd.def
        : undefined;
    if (!def || !('ColumnDef' in def)) return [];
    const kinds = (def.ColumnDef.constraints ?? []).flatMap((c) =>
      'Constraint' in c ? [c.Constraint.contype] : [],
    );
    const filled = kinds.some(
      (k) => k === 'CONSTR_DEFAULT' || k === 'CONSTR_IDENTITY' || k === 'CONSTR_GENERATED',
    );
    return kinds.includes('CONSTR_NOTNULL') && !filled ? [def.ColumnDef] : [];
  });
}

function tableText(node: Node): string {
  const relation = 'AlterTableStmt' in node ? node.AlterTableStmt.relation : undefined;
  const name = quoteIdent(relation?.relname ?? '');
  return relation?.schemaname ? `${quoteIdent(relation.schemaname)}.${name}` : name;
}

function finding(
  ctx: StatementContext | FailureContext,
  table: string,
  column: ColumnDef,
  refused: string | undefined,
): Finding {
  const name = quoteIdent(column.colname ?? '');
  const single =
    'AlterTableStmt' in ctx.statement.node && ctx.statement.node.AlterTableStmt.cmds?.length === 1;
  const oldWriters = `application code deployed now inserts into ${table} without ${name}, and each such INSERT fails`;
  return {
    message: refused
      ? `PostgreSQL refuses this statement on a table with rows: ${refused}. Adding ${name} NOT NULL without a default fails on ${table} in production.`
      : `ADD COLUMN ${name} NOT NULL without a default: ${oldWriters}.`,
    why: refused
      ? `Existing rows have no value for ${name}, so the migration fails when it is deployed; and if ${table} were empty, ${oldWriters}.`
      : 'Migrations run before (or while) the new application version rolls out, so old code keeps writing to the table for a while; its INSERTs do not name the new column.',
    help: `Add ${name} with a DEFAULT (a constant costs no rewrite since PostgreSQL 11), or add it nullable, backfill it in batches, then enforce it: CHECK (${name} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later transaction, then SET NOT NULL (PostgreSQL 12+ skips its scan thanks to the validated CHECK).`,
    suggestedSql: [
      single
        ? `${ctx.statement.text} DEFAULT <value>;`
        : `-- add ${name} with DEFAULT <value> in its ADD COLUMN`,
      '-- or, when no single default fits:',
      `-- ALTER TABLE ${table} ADD COLUMN ${name} <type>;  then backfill in batches, then`,
      `-- ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(`${column.colname}_not_null`)} CHECK (${name} IS NOT NULL) NOT VALID;`,
      `-- ALTER TABLE ${table} VALIDATE CONSTRAINT ${quoteIdent(`${column.colname}_not_null`)};  -- a later transaction`,
      `-- ALTER TABLE ${table} ALTER COLUMN ${name} SET NOT NULL;`,
    ].join('\n'),
    data: { table, column: column.colname, refused: refused !== undefined },
  };
}

export const banAddNotNullColumnWithoutDefault: MigrationRule = {
  meta: {
    id: 'ban-add-not-null-column-without-default',
    group: 'migration',
    category: 'compatibility',
    defaultSeverity: 'warning',
    summary:
      'A migration adds a NOT NULL column without a default to a table that already exists: it fails on a table with rows, and old application code cannot insert.',
  },
  check(ctx) {
    const altered = alteredPreExistingTable(ctx);
    if (!altered) return [];
    return bareNotNullColumns(ctx.statement.node).map((column) =>
      finding(ctx, altered.table, column, undefined),
    );
  },
  checkFailure(ctx) {
    if (ctx.failure.sqlstate !== NOT_NULL_VIOLATION) return [];
    const column = bareNotNullColumns(ctx.statement.node).find((c) =>
      ctx.failure.message.includes(`"${c.colname}"`),
    );
    return column ? [finding(ctx, tableText(ctx.statement.node), column, ctx.failure.message)] : [];
  },
};
