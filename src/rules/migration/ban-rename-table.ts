import { quoteIdent } from '../../sql/quote.js';
import { splitStatements } from '../../sql/split.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import { namesRelation } from './pre-existing.js';

/**
 * Whether a later statement of the same migration creates a view under the old name: the fix this
 * rule suggests, which keeps old code working. Only a rename pays for re-reading the migration.
 */
function viewKeepsOldName(ctx: StatementContext, from: string): boolean {
  const { statements } = splitStatements(ctx.migration.up.sql, ctx.migration.up.file);
  return statements.some((statement) => {
    const node = statement.node;
    return (
      statement.start > ctx.statement.start &&
      'ViewStmt' in node &&
      node.ViewStmt.view !== undefined &&
      namesRelation(node.ViewStmt.view, from)
    );
  });
}

/** The old and new qualified names of a pre-existing table this statement renamed, from the lock it holds now. */
function renamedTable(ctx: StatementContext): { readonly from: string; readonly to: string } | undefined {
  const node = ctx.statement.node;
  if (!('RenameStmt' in node) || node.RenameStmt.renameType !== 'OBJECT_TABLE') return undefined;
  const { relation, newname } = node.RenameStmt;
  if (!relation?.relname || !newname || ctx.observation.held === 'not observable') return undefined;
  const suffix = `.${quoteIdent(newname)}`;
  for (const lock of ctx.observation.held) {
    if (lock.mode !== 'AccessExclusiveLock' || !lock.relation.endsWith(suffix)) continue;
    const schema = lock.relation.slice(0, -suffix.length);
    const from = `${schema}.${quoteIdent(relation.relname)}`;
    if (ctx.existedBefore.has(from)) return { from, to: lock.relation };
  }
  return undefined;
}

export const banRenameTable: MigrationRule = {
  meta: {
    id: 'ban-rename-table',
    group: 'migration',
    category: 'compatibility',
    defaultSeverity: 'warning',
    summary:
      'A migration renames a table that already exists, while running application code still uses the old name.',
  },
  check(ctx) {
    const renamed = renamedTable(ctx);
    if (!renamed || viewKeepsOldName(ctx, renamed.from)) return [];
    const { from, to } = renamed;
    return [
      {
        message: `ALTER TABLE renames ${from} to ${to}: application code deployed now still queries ${from}, and fails ("relation does not exist") from the moment the migration commits.`,
        why: 'Migrations run before (or while) the new application version rolls out, so old and new code run side by side for a while: no single name serves both.',
        help: `Leave a view under the old name in the same migration: a view over one table is updatable, so old code keeps reading and writing through it. Drop the view once no deployed code uses ${from}.`,
        suggestedSql: [
          `ALTER TABLE ${from} RENAME TO ${to.slice(to.lastIndexOf('.') + 1)};`,
          `CREATE VIEW ${from} AS SELECT * FROM ${to};`,
          `-- later, when no deployed code uses ${from}: DROP VIEW ${from};`,
        ].join('\n'),
        data: { table: from, newName: to },
      },
    ];
  },
};
