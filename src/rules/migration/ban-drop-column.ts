import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { alteredPreExistingTable } from './observed-table.js';

export const banDropColumn: MigrationRule = {
  meta: {
    id: 'ban-drop-column',
    group: 'migration',
    category: 'compatibility',
    defaultSeverity: 'warning',
    summary:
      'A migration drops a column of a table that already exists, while running application code may still use it.',
  },
  check(ctx) {
    const altered = alteredPreExistingTable(ctx);
    if (!altered) return [];
    const { table } = altered;
    return altered.cmds
      .filter((cmd) => cmd.subtype === 'AT_DropColumn' && cmd.name)
      .map((cmd): Finding => {
        const column = quoteIdent(cmd.name ?? '');
        return {
          message: `ALTER TABLE drops ${table}.${column}: application code deployed now that selects, inserts or updates it fails from the moment the migration commits.`,
          why: 'Migrations run before (or while) the new application version rolls out, so the old version keeps running against the new schema for a while; a query naming the column fails ("column does not exist"), and ORMs that list every column in their SELECT and INSERT fail without naming it.',
          help: `Contract in two deploys: first ship code that neither reads nor writes ${column} (tell the ORM to ignore it), then drop it in a later migration, with a lock_timeout since DROP COLUMN takes ACCESS EXCLUSIVE.`,
          suggestedSql: [
            `-- Deploy 1: application code that no longer uses ${table}.${column}.`,
            '-- Deploy 2, a later migration:',
            "SET lock_timeout = '3s';",
            `ALTER TABLE ${table} DROP COLUMN ${column};`,
          ].join('\n'),
          data: { table, column: cmd.name },
        };
      });
  },
};
