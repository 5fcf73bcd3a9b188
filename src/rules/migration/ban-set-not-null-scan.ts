import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule } from '../migration-rule.js';
import { alterTarget, heldUntil, lockName, observedTable, whatWaits } from './observed-table.js';
import { notNullWithoutScan, recipe } from './recipe-steps.js';

export const banSetNotNullScan: MigrationRule = {
  meta: {
    id: 'ban-set-not-null-scan',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'ALTER COLUMN ... SET NOT NULL on a table that already exists scans every row under ACCESS EXCLUSIVE, blocking reads and writes.',
  },
  check(ctx) {
    const target = alterTarget(ctx);
    const columns = (target?.cmds ?? [])
      .filter((cmd) => cmd.subtype === 'AT_SetNotNull')
      .map((cmd) => cmd.name ?? '');
    if (!target || columns.length === 0) return [];
    const table = observedTable(ctx, target.relation);
    // A validated CHECK (col IS NOT NULL) lets PostgreSQL 12+ skip the scan: then none is seen.
    if (!table?.existedBefore || !table.scanned) return [];
    const steps = columns.map((column) =>
      notNullWithoutScan(target.written, target.relation.relname ?? '', column),
    );
    return [
      {
        message: `SET NOT NULL on ${columns.map(quoteIdent).join(', ')} reads every row of ${table.name} to check for NULLs while holding ${lockName(
          table.mode,
        )} on it: ${whatWaits(table.mode, table.name)} waits until the scan ends.`,
        why: `${table.name} existed before this migration, so it has rows and traffic, and the scan grows with it${heldUntil(ctx)}.`,
        help: 'Prove the column has no NULLs with a CHECK (col IS NOT NULL) added NOT VALID and validated in a later migration (SHARE UPDATE EXCLUSIVE: reads and writes go on); PostgreSQL 12+ then sets NOT NULL without scanning, and the CHECK can go.',
        suggestedSql: recipe([steps.flatMap(([add]) => add), steps.flatMap(([, rest]) => rest)]),
        data: {
          table: table.name,
          lock: table.mode,
          columns,
          rowsRead: table.rowsRead,
          observed: true,
          inTransaction: ctx.inTransaction,
        },
      },
    ];
  },
};
