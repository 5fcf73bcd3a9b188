import type { Node } from '@pgsql/types';
import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';

/** `.name` of each table the statement names: partitions dropped along with their parent are not named. */
function namedTables(objects: readonly Node[]): Set<string> {
  return new Set(
    objects.flatMap((object) => {
      const last = 'List' in object ? object.List.items?.at(-1) : undefined;
      return last && 'String' in last && last.String.sval ? [`.${quoteIdent(last.String.sval)}`] : [];
    }),
  );
}

export const banDropTable: MigrationRule = {
  meta: {
    id: 'ban-drop-table',
    group: 'migration',
    category: 'compatibility',
    defaultSeverity: 'warning',
    summary:
      'A migration drops a table that already exists, while running application code may still use it.',
  },
  check(ctx) {
    const node = ctx.statement.node;
    if (!('DropStmt' in node) || node.DropStmt.removeType !== 'OBJECT_TABLE') return [];
    const named = namedTables(node.DropStmt.objects ?? []);
    // What the engine dropped, not what the text names: CASCADE and search_path included, IF EXISTS misses excluded.
    return ctx.observation.dropped
      .filter(
        (ref) =>
          (ref.kind === 'table' || ref.kind === 'partitioned-table') &&
          ctx.existedBefore.has(ref.relation) &&
          [...named].some((suffix) => ref.relation.endsWith(suffix)),
      )
      .map(
        ({ relation: table }): Finding => ({
          message: `DROP TABLE drops ${table}: application code deployed now that queries it fails ("relation does not exist") from the moment the migration commits, and its rows are gone for good.`,
          why: 'Migrations run before (or while) the new application version rolls out, so the old version keeps running against the new schema for a while.',
          help: `Contract in two deploys: first ship code that no longer uses ${table}, then drop it in a later migration (after a backup of its rows, if they may be wanted), with a lock_timeout since DROP TABLE takes ACCESS EXCLUSIVE.`,
          suggestedSql: [
            `-- Deploy 1: application code that no longer uses ${table}.`,
            '-- Deploy 2, a later migration:',
            "SET lock_timeout = '3s';",
            `DROP TABLE ${table};`,
          ].join('\n'),
          data: { table },
        }),
      );
  },
};
