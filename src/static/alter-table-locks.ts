import type { AlterTableCmd } from '@pgsql/types';
import type { LockMode } from '../observe/lock-modes.js';

/**
 * The lock an ALTER TABLE subcommand takes on its table, as the ALTER TABLE reference page
 * (https://www.postgresql.org/docs/current/sql-altertable.html, "Notes" and each form's
 * paragraph) and Table 13.2 of https://www.postgresql.org/docs/current/explicit-locking.html
 * document it; tablecmds.c AlterTableGetLockLevel is the code behind both. A statement with
 * several subcommands takes the strongest of them.
 */
const SHARE_UPDATE_EXCLUSIVE = new Set([
  'AT_SetStatistics',
  'AT_ClusterOn',
  'AT_DropCluster',
  'AT_SetRelOptions',
  'AT_ResetRelOptions',
  'AT_SetOptions',
  'AT_ResetOptions',
  'AT_ValidateConstraint',
]);

const SHARE_ROW_EXCLUSIVE = new Set([
  'AT_EnableTrig',
  'AT_EnableAlwaysTrig',
  'AT_EnableReplicaTrig',
  'AT_EnableTrigAll',
  'AT_EnableTrigUser',
  'AT_DisableTrig',
  'AT_DisableTrigAll',
  'AT_DisableTrigUser',
]);

export function alterTableLock(cmd: AlterTableCmd, serverVersion: number): LockMode {
  const subtype = cmd.subtype ?? '';
  if (SHARE_UPDATE_EXCLUSIVE.has(subtype)) return 'ShareUpdateExclusiveLock';
  if (SHARE_ROW_EXCLUSIVE.has(subtype)) return 'ShareRowExclusiveLock';
  const def = cmd.def;
  // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables; other constraints ACCESS EXCLUSIVE.
  if (
    subtype === 'AT_AddConstraint' &&
    def &&
    'Constraint' in def &&
    def.Constraint.contype === 'CONSTR_FOREIGN'
  )
    return 'ShareRowExclusiveLock';
  // ATTACH PARTITION: SHARE UPDATE EXCLUSIVE on the parent since PostgreSQL 12; DETACH ... CONCURRENTLY (14+) too.
  if (subtype === 'AT_AttachPartition' && serverVersion >= 120000) return 'ShareUpdateExclusiveLock';
  if (subtype === 'AT_DetachPartition' && def && 'PartitionCmd' in def && def.PartitionCmd.concurrent)
    return 'ShareUpdateExclusiveLock';
  if (subtype === 'AT_DetachPartitionFinalize') return 'ShareUpdateExclusiveLock';
  return 'AccessExclusiveLock';
}
