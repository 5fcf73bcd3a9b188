import type { TableActivity } from '../../observe/table-activity.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';

/** INSERT ... SELECT ... FROM: rows copied from a table, as many as it has. */
function insertsFromQuery(ctx: StatementContext): boolean {
  const node = ctx.statement.node;
  if (!('InsertStmt' in node)) return false;
  const source = node.InsertStmt.selectStmt;
  return source !== undefined && 'SelectStmt' in source && (source.SelectStmt.fromClause?.length ?? 0) > 0;
}

/** Rows of pre-existing tables the statement wrote, as the engine counted them on the synthetic rows. */
function touchedRows(ctx: StatementContext, activity: TableActivity): number {
  return activity.updated + activity.deleted + (insertsFromQuery(ctx) ? activity.inserted : 0);
}

function batchedRecipe(table: string, deletes: boolean): string {
  return [
    '-- Not in the schema migration: after it is deployed, in batches that each commit (a script or a job).',
    '-- Each batch locks at most 1000 rows, briefly; repeat until a batch touches no row.',
    'DO $$',
    'DECLARE touched bigint;',
    'BEGIN',
    '  LOOP',
    deletes ? `    DELETE FROM ${table}` : `    UPDATE ${table} SET <column> = <value>`,
    `    WHERE id IN (SELECT id FROM ${table} WHERE <${deletes ? 'rows to delete' : 'not yet done'}> LIMIT 1000);`,
    '    GET DIAGNOSTICS touched = ROW_COUNT;',
    '    EXIT WHEN touched = 0;',
    '    COMMIT;  -- allowed in DO since PostgreSQL 11, outside a transaction block',
    '  END LOOP;',
    'END $$;',
  ].join('\n');
}

export const banBackfillInMigration: MigrationRule = {
  meta: {
    id: 'ban-backfill-in-migration',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'warning',
    scalesWithTable: true,
    summary:
      'A schema migration updates, deletes or copies in rows of a table that already exists (a backfill), in one statement.',
  },
  check(ctx) {
    if (ctx.observation.activity === 'not observable') return [];
    return ctx.observation.activity
      .filter((activity) => ctx.existedBefore.has(activity.relation) && touchedRows(ctx, activity) > 0)
      .map((activity): Finding => {
        const table = activity.relation;
        return {
          message: `This statement writes rows of ${table} (in production, every row it matches) in one go: each row it touches stays locked until ${
            ctx.inTransaction ? 'the migration commits' : 'it ends'
          }.`,
          why: `${table} existed before this migration, so it is large and busy: the statement runs as long as the table is big, every UPDATE or DELETE of a row it touched waits until it commits, and each changed row leaves a dead copy behind (bloat, and a burst of WAL for replicas).`,
          help: 'Take the data change out of the schema migration: run it after the deploy in small batches that each commit, so locks are short and vacuum keeps up.',
          suggestedSql: batchedRecipe(table, activity.deleted > 0 && activity.updated === 0),
          data: {
            table,
            updated: activity.updated,
            deleted: activity.deleted,
            inserted: activity.inserted,
            inTransaction: ctx.inTransaction,
          },
        };
      });
  },
};
