import type { FallbackRule } from '../migration-fallback.js';
import { heldUntil, lockName } from './observed-table.js';
import { trafficBlockingLocks } from './pre-existing.js';
import { coveredTables, NO_RULE_NOTE } from './uncovered.js';

export const observedTableScan: FallbackRule = {
  meta: {
    id: 'observed-table-scan',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'warning',
    scalesWithTable: true,
    summary:
      'A table that already exists was seen to be read in full while the migration holds a lock that blocks writes to it, and no other rule reported it.',
  },
  check(ctx, reported) {
    const { activity } = ctx.observation;
    if (activity === 'not observable') return [];
    const covered = coveredTables(reported);
    const held = trafficBlockingLocks(ctx.existedBefore, ctx.observation.held);
    return activity.flatMap((scan) => {
      const lock = held.find((l) => l.relation === scan.relation);
      if (!lock || covered.has(scan.relation) || scan.rowsRead === 0) return [];
      return [
        {
          message: `This statement read ${scan.relation} by sequential scan while the transaction holds ${lockName(lock.mode)} on it: writes to it wait until the scan ends.`,
          why: `${NO_RULE_NOTE} The scan takes time in proportion to the table${heldUntil(ctx)}.`,
          help: 'Move the work out of the locked part of the migration, or find the form of the statement that does not need to read every row.',
          data: {
            table: scan.relation,
            lock: lock.mode,
            seqScans: scan.seqScans,
            rowsRead: scan.rowsRead,
            observed: true,
            inTransaction: ctx.inTransaction,
          },
        },
      ];
    });
  },
};
