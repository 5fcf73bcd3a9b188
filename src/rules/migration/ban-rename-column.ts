import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule } from '../migration-rule.js';
import { preExistingTarget } from './pre-existing.js';

export const banRenameColumn: MigrationRule = {
  meta: {
    id: 'ban-rename-column',
    group: 'migration',
    category: 'compatibility',
    defaultSeverity: 'warning',
    summary:
      'A migration renames a column of a table that already exists, while running application code still uses the old name.',
  },
  check(ctx) {
    const node = ctx.statement.node;
    if (!('RenameStmt' in node) || node.RenameStmt.renameType !== 'OBJECT_COLUMN') return [];
    const { relation, subname, newname } = node.RenameStmt;
    const table = preExistingTarget(ctx, relation);
    if (!table || !subname || !newname) return [];
    const [from, to] = [quoteIdent(subname), quoteIdent(newname)];
    return [
      {
        message: `ALTER TABLE renames ${table}.${from} to ${to}: application code deployed now still names ${from}, and its queries fail from the moment the migration commits.`,
        why: 'Migrations run before (or while) the new application version rolls out, so old and new code run side by side for a while: no single name serves both.',
        help: `Expand and contract: add ${to}, keep both columns in step (the application writes both, or a trigger), backfill ${to} in batches, switch reads to ${to}, and drop ${from} in a later deploy.`,
        suggestedSql: [
          `ALTER TABLE ${table} ADD COLUMN ${to} <type of ${from}>;`,
          `-- keep ${to} in step with ${from} (write both, or a BEFORE INSERT OR UPDATE trigger), then backfill ${to} in batches;`,
          `-- deploy code that reads and writes ${to} only; then, in a later migration:`,
          `ALTER TABLE ${table} DROP COLUMN ${from};`,
        ].join('\n'),
        data: { table, column: subname, newName: newname },
      },
    ];
  },
};
