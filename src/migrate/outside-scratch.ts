import { doBlockStatements } from '../sql/do-block-statements.js';
import { callsNamed, functionName } from '../sql/function-calls.js';
import { parseOnlyStatement, parseSql } from '../sql/parser.js';
import { outsideTransactionOnly } from '../static/transaction-refusal.js';

/**
 * Functions that act on the server rather than on the database they run in: other sessions, the
 * configuration, WAL and replication, files on the server's disk, other servers (dblink), and the
 * statistics of every database.
 */
const SERVER_FUNCTIONS = new Set([
  'pg_terminate_backend',
  'pg_cancel_backend',
  'pg_reload_conf',
  'pg_rotate_logfile',
  'pg_switch_wal',
  'pg_promote',
  'pg_create_restore_point',
  'pg_backup_start',
  'pg_backup_stop',
  'pg_create_physical_replication_slot',
  'pg_create_logical_replication_slot',
  'pg_copy_physical_replication_slot',
  'pg_copy_logical_replication_slot',
  'pg_drop_replication_slot',
  'pg_replication_origin_create',
  'pg_replication_origin_drop',
  'pg_stat_reset_shared',
  'pg_stat_reset_slru',
  'pg_stat_reset_replication_slot',
  'pg_stat_reset_subscription_stats',
  'pg_stat_statements_reset',
  'lo_export',
  'pg_file_write',
  'pg_file_rename',
  'pg_file_unlink',
  'pg_file_sync',
  'dblink',
  'dblink_exec',
  'dblink_connect',
  'dblink_send_query',
]);

/**
 * Statements that store an expression without evaluating it (a view's query, a function's SQL
 * body, a rule, a trigger's WHEN, a policy, a new table's defaults and checks): a server function
 * named there runs later, if ever, and creating the object is harmless.
 */
const STORES_EXPRESSIONS = new Set([
  'ViewStmt',
  'CreateFunctionStmt',
  'RuleStmt',
  'CreateTrigStmt',
  'CreatePolicyStmt',
  'AlterPolicyStmt',
  'CreateStmt',
]);

/** Words one of the statements below must hold; anything else skips the parse. */
const MAY_REACH_OUT = new RegExp(
  `\\b(?:database|system|tablespace|subscription|copy|${[...SERVER_FUNCTIONS].join('|')})\\b`,
  'i',
);

type Node = Record<string, unknown>;

function nameOf(object: unknown): string {
  return String((object as { String?: { sval?: string } } | undefined)?.String?.sval ?? '');
}

/** The databases a statement changes, by its own syntax. */
function databasesNamed(type: string, stmt: Node): string[] | undefined {
  switch (type) {
    case 'AlterDatabaseStmt':
    case 'AlterDatabaseSetStmt':
    case 'AlterDatabaseRefreshCollStmt':
    case 'DropdbStmt':
      return [String(stmt.dbname)];
    case 'RenameStmt':
      return stmt.renameType === 'OBJECT_DATABASE' ? [String(stmt.subname)] : undefined;
    case 'AlterOwnerStmt':
      return stmt.objectType === 'OBJECT_DATABASE' ? [nameOf(stmt.object)] : undefined;
    case 'CommentStmt':
    case 'SecLabelStmt':
      return stmt.objtype === 'OBJECT_DATABASE' ? [nameOf(stmt.object)] : undefined;
    case 'GrantStmt':
      return stmt.objtype === 'OBJECT_DATABASE' ? ((stmt.objects ?? []) as unknown[]).map(nameOf) : undefined;
  }
  return undefined;
}

function isTablespaceStatement(type: string, stmt: Node): boolean {
  if (['CreateTableSpaceStmt', 'DropTableSpaceStmt', 'AlterTableSpaceOptionsStmt'].includes(type))
    return true;
  const objectType = stmt.renameType ?? stmt.objectType ?? stmt.objtype;
  return (
    ['RenameStmt', 'AlterOwnerStmt', 'CommentStmt', 'SecLabelStmt', 'GrantStmt'].includes(type) &&
    objectType === 'OBJECT_TABLESPACE'
  );
}

/** What one parsed statement would change outside the database it runs in, in words; undefined when nothing. */
function reachOf(node: Node, database: string): string | undefined {
  const [type = '', body] = Object.entries(node)[0] ?? [];
  const stmt = (body ?? {}) as Node;
  if (type === 'CreatedbStmt') return `a new database, ${String(stmt.dbname)}, beside the scratch one`;
  const others = databasesNamed(type, stmt)?.filter((name) => name !== database);
  if (others && others.length > 0) return `database ${others.join(', ')}`;
  if (type === 'AlterSystemStmt')
    return "the server's configuration (ALTER SYSTEM writes postgresql.auto.conf)";
  if (isTablespaceStatement(type, stmt)) return 'a tablespace, which belongs to the whole server';
  if (['CreateSubscriptionStmt', 'AlterSubscriptionStmt', 'DropSubscriptionStmt'].includes(type))
    return 'a subscription, which connects to the publishing server and keeps a replication slot there';
  if (type === 'CopyStmt' && stmt.is_program)
    return 'the server machine: COPY … PROGRAM runs a shell command there';
  if (type === 'CopyStmt' && stmt.filename && !stmt.is_from)
    return `a file on the server, ${String(stmt.filename)}`;
  const [call] = STORES_EXPRESSIONS.has(type) ? [] : callsNamed(node, SERVER_FUNCTIONS);
  return call ? `the server, through ${functionName(call)}()` : undefined;
}

/**
 * What a script would change outside the database it runs in (the scratch database of a verify or
 * trace run on a user's server), in words, or undefined when it stays inside. Read from the parse
 * tree, DO blocks included (their constant statements, as static mode reads them); a function body
 * that a later statement calls is not followed.
 */
export function reachOutside(sql: string, database: string): string | undefined {
  if (!MAY_REACH_OUT.test(sql)) return undefined;
  const parsed = parseSql(sql);
  if (!parsed.ok) return undefined;
  for (const raw of parsed.result.stmts ?? []) {
    const node = raw.stmt as Node | undefined;
    if (!node) continue;
    const inner =
      'DoStmt' in node
        ? doBlockStatements((node as { DoStmt: Parameters<typeof doBlockStatements>[0] }).DoStmt).statements
        : [];
    const reach = reachOf(node, database) ?? inner.map((text) => reachOutside(text, database)).find(Boolean);
    if (reach) return reach;
  }
  return undefined;
}

/** Statements whose first act is PreventInTransactionBlock (utility.c): in a transaction block they fail having done nothing. */
const REFUSED_FIRST = new Set([
  'CREATE DATABASE',
  'DROP DATABASE',
  'CREATE TABLESPACE',
  'DROP TABLESPACE',
  'ALTER SYSTEM',
]);

/**
 * Whether PostgreSQL refuses the statement in a transaction block before it does anything: such a
 * statement may run there, where it reaches nothing and the run sees the refusal a deploy would.
 */
export function refusedInTransactionBlock(sql: string, serverVersion: number): boolean {
  const only = parseOnlyStatement(sql);
  return only !== undefined && REFUSED_FIRST.has(outsideTransactionOnly(only, serverVersion) ?? '');
}
