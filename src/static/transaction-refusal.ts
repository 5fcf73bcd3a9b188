import type { Node } from '@pgsql/types';
import type { StatementFailure } from '../observe/observation.js';

/** SQLSTATE 25001, active_sql_transaction: PreventInTransactionBlock's error. */
const ACTIVE_SQL_TRANSACTION = '25001';

function hasOption(options: readonly Node[] | undefined, name: string): boolean {
  return (options ?? []).some((o) => 'DefElem' in o && o.DefElem?.defname === name);
}

/**
 * The name PostgreSQL gives a statement that refuses to run in a transaction block
 * (PreventInTransactionBlock callers in src/backend: utility.c, indexcmds.c, tablecmds.c,
 * vacuum.c, cluster.c, typecmds.c), or undefined when it runs in one.
 */
export function outsideTransactionOnly(node: Node, serverVersion: number): string | undefined {
  if ('IndexStmt' in node && node.IndexStmt.concurrent) return 'CREATE INDEX CONCURRENTLY';
  if ('DropStmt' in node && node.DropStmt.concurrent) return 'DROP INDEX CONCURRENTLY';
  if ('ReindexStmt' in node) {
    const { kind, params } = node.ReindexStmt;
    if (kind === 'REINDEX_OBJECT_SCHEMA') return 'REINDEX SCHEMA';
    if (kind === 'REINDEX_OBJECT_SYSTEM') return 'REINDEX SYSTEM';
    if (kind === 'REINDEX_OBJECT_DATABASE') return 'REINDEX DATABASE';
    if (hasOption(params, 'concurrently')) return 'REINDEX CONCURRENTLY';
  }
  if ('VacuumStmt' in node && node.VacuumStmt.is_vacuumcmd) return 'VACUUM';
  if ('ClusterStmt' in node && !node.ClusterStmt.relation) return 'CLUSTER';
  if ('AlterTableStmt' in node) {
    const detach = (node.AlterTableStmt.cmds ?? []).some((cmd) => {
      const def = 'AlterTableCmd' in cmd ? cmd.AlterTableCmd.def : undefined;
      return def !== undefined && 'PartitionCmd' in def && def.PartitionCmd.concurrent === true;
    });
    if (detach) return 'ALTER TABLE ... DETACH CONCURRENTLY';
  }
  if ('CreatedbStmt' in node) return 'CREATE DATABASE';
  if ('DropdbStmt' in node) return 'DROP DATABASE';
  if ('CreateTableSpaceStmt' in node) return 'CREATE TABLESPACE';
  if ('DropTableSpaceStmt' in node) return 'DROP TABLESPACE';
  if ('AlterSystemStmt' in node) return 'ALTER SYSTEM';
  // Before PostgreSQL 12 a new enum value could not be added in a transaction block.
  if ('AlterEnumStmt' in node && !node.AlterEnumStmt.oldVal && serverVersion < 120000)
    return 'ALTER TYPE ... ADD';
  return undefined;
}

/** PostgreSQL's refusal of such a statement inside a transaction block, as its error reads. */
export function transactionBlockRefusal(what: string): StatementFailure['error'] {
  return refusal(`${what} cannot run inside a transaction block`, ACTIVE_SQL_TRANSACTION);
}

/** A refusal with PostgreSQL's SQLSTATE and message, as the driver would hand it over. */
export function refusal(message: string, sqlstate: string): StatementFailure['error'] {
  return { message, sqlstate, cause: Object.assign(new Error(message), { code: sqlstate }) };
}

/** SQLSTATE 42601: the grammar of the version judged for has no such form. */
const SYNTAX_ERROR = '42601';

/** CONCURRENTLY forms newer than the version judged for: REINDEX (PostgreSQL 12), DETACH PARTITION (14). */
export function versionRefusal(node: Node, serverVersion: number): StatementFailure['error'] | undefined {
  const tooNew = (since: number) =>
    refusal(
      `syntax error at or near "CONCURRENTLY" (PostgreSQL ${since / 10000} added this form)`,
      SYNTAX_ERROR,
    );
  if ('ReindexStmt' in node && serverVersion < 120000 && hasOption(node.ReindexStmt.params, 'concurrently'))
    return tooNew(120000);
  if (
    serverVersion < 140000 &&
    outsideTransactionOnly(node, serverVersion) === 'ALTER TABLE ... DETACH CONCURRENTLY'
  )
    return tooNew(140000);
  return undefined;
}
