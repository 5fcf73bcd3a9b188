import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import { blocksWrites, lockStrength } from '../../observe/lock-modes.js';
import type { LockTaken } from '../../observe/observation.js';
import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import { alterTarget, lockName, whatWaits } from './observed-table.js';

/**
 * Write-blocking locks on tables the statement scanned that the transaction already held before it:
 * typically the ADD CONSTRAINT ... NOT VALID earlier in the same migration.
 */
function heldDuringScan(ctx: StatementContext): readonly LockTaken[] {
  const { locks, held, activity } = ctx.observation;
  if (locks === 'not observable' || held === 'not observable' || activity === 'not observable') return [];
  const scanned = new Set(activity.filter((a) => a.seqScans > 0 || a.rowsRead > 0).map((a) => a.relation));
  const taken = new Set(locks.map((lock) => `${lock.relation} ${lock.mode}`));
  return held.filter(
    (lock) =>
      scanned.has(lock.relation) &&
      ctx.existedBefore.has(lock.relation) &&
      blocksWrites(lock.mode) &&
      !taken.has(`${lock.relation} ${lock.mode}`),
  );
}

export const banValidateInSameTransaction: MigrationRule = {
  meta: {
    id: 'ban-validate-in-same-transaction',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'warning',
    scalesWithTable: true,
    summary:
      'VALIDATE CONSTRAINT runs in the transaction that added the constraint, so its scan runs under the strong lock the ADD took.',
  },
  check(ctx) {
    const target = alterTarget(ctx);
    const validates = target?.cmds.filter((cmd) => cmd.subtype === 'AT_ValidateConstraint') ?? [];
    if (!target || validates.length === 0 || !ctx.inTransaction) return [];
    const blocking = [...heldDuringScan(ctx)].sort((a, b) => lockStrength(b.mode) - lockStrength(a.mode));
    const strongest = blocking[0];
    if (!strongest) return [];
    const tables = [...new Set(blocking.map((lock) => lock.relation))];
    const names = validates.map((cmd) => quoteIdent(cmd.name ?? ''));
    return [
      {
        message: `VALIDATE CONSTRAINT ${names.join(', ')} scans ${tables.join(' and ')} while this transaction still holds ${lockName(
          strongest.mode,
        )} on ${strongest.relation} from an earlier statement: ${whatWaits(strongest.mode, tables.join(' and '))} waits until the migration commits.`,
        why: 'Adding the constraint NOT VALID and validating it later is safe only when the two commit apart: VALIDATE itself takes SHARE UPDATE EXCLUSIVE, which lets reads and writes go on, but here the lock the ADD took is still held, so the whole scan runs under it, and the scan grows with the table.',
        help: `Move VALIDATE CONSTRAINT to a later migration, so the ADD commits first and the scan runs in a transaction of its own. ${runOutsideTransactionAdvice(
          ctx.migration.format,
        )}`,
        suggestedSql: names
          .map((name) => `ALTER TABLE ${target.written} VALIDATE CONSTRAINT ${name};`)
          .join('\n'),
        data: {
          table: strongest.relation,
          lock: strongest.mode,
          heldBefore: blocking.map((lock) => ({ table: lock.relation, lock: lock.mode })),
          observed: true,
          inTransaction: true,
        },
      },
    ];
  },
};
