import type { Engine } from '../engine/engine.js';
import type { StatementFailure } from '../observe/observation.js';
import { writtenName } from '../rules/migration/observed-table.js';
import type { Statement } from '../sql/statement.js';
import { notValidForeignKeyRefusal, notValidForeignKeyTarget } from '../static/partitioned-foreign-key.js';
import { versionRefusal } from '../static/transaction-refusal.js';

/** Whether the engine's catalog has the relation, as written (search_path applied), as a partitioned table. */
async function isPartitioned(engine: Engine, name: string): Promise<boolean> {
  const { rows } = await engine.query<{ partitioned: boolean }>(
    `SELECT relkind = 'p' AS partitioned FROM pg_catalog.pg_class WHERE oid = pg_catalog.to_regclass($1)`,
    [name],
  );
  return rows[0]?.partitioned === true;
}

/**
 * What the version judged for (--pg-version) refuses and the engine, a newer PostgreSQL, accepts:
 * forms added since. The engine cannot run an older release, so which forms those are comes from
 * the release notes (the same list static mode uses); every fact about the schema they turn on
 * (a table is partitioned) comes from the engine. Undefined when the engine's version is judged.
 */
export async function judgedVersionRefusal(
  engine: Engine,
  statement: Statement,
  serverVersion: number,
): Promise<StatementFailure['error'] | undefined> {
  if (serverVersion >= engine.serverVersion) return undefined;
  const node = statement.node;
  const tooNew = versionRefusal(node, serverVersion);
  if (tooNew) return tooNew;
  if (!('AlterTableStmt' in node)) return undefined;
  const target = notValidForeignKeyTarget(node.AlterTableStmt, serverVersion);
  if (!target || !(await isPartitioned(engine, writtenName(target)))) return undefined;
  return notValidForeignKeyRefusal(node.AlterTableStmt);
}
