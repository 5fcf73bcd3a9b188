import type { Node } from '@pgsql/types';
import { doBlockStatements } from '../sql/do-block-statements.js';
import type { NodeTag } from '../sql/node-types.js';
import { parseSql } from '../sql/parser.js';
import type { Statement } from '../sql/statement.js';
import { predictAlterTable } from './predict-alter-table.js';
import {
  predictAlterDomain,
  predictCreateFromQuery,
  predictCreateIndex,
  predictCreateTable,
  predictDrop,
  predictRename,
} from './predict-ddl.js';
import { predictCopy, predictInsert, predictSelect, predictUpdateOrDelete } from './predict-dml.js';
import {
  predictCluster,
  predictLock,
  predictRefresh,
  predictReindex,
  predictTruncate,
  predictVacuum,
} from './predict-maintenance.js';
import {
  effects,
  merge,
  NOTHING,
  type Prediction,
  type PredictionInput,
  resolve,
  tableLock,
} from './prediction.js';
import { applyEffects, cloneCatalog } from './static-catalog.js';
import { outsideTransactionOnly, transactionBlockRefusal, versionRefusal } from './transaction-refusal.js';

function searchPathSet(node: Node): Prediction | undefined {
  if (!('VariableSetStmt' in node) || node.VariableSetStmt.name !== 'search_path') return undefined;
  const values = (node.VariableSetStmt.args ?? []).flatMap((arg) =>
    'A_Const' in arg && arg.A_Const.sval?.sval ? arg.A_Const.sval.sval.split(',').map((s) => s.trim()) : [],
  );
  const path = values.filter((schema) => schema !== '' && schema !== '$user' && schema !== '"$user"');
  return merge({ effects: effects({ searchPath: path.length > 0 ? path : ['public'] }) });
}

/**
 * A DO block does what the statements in its body do, all in the one transaction of the DO: each
 * predicted in turn, on the catalog the ones before it left. Conservative: every branch and loop
 * body counts as run.
 */
function predictDo(
  input: PredictionInput,
  statement: Statement,
  body: ReturnType<typeof doBlockStatements>,
): Prediction {
  const parts: Prediction[] = [];
  // Its own copy: the effects of the body reach the walk's catalog only if the DO is not refused.
  let catalog = body.statements.length > 0 ? cloneCatalog(input.catalog) : input.catalog;
  for (const sql of body.statements) {
    const parsed = parseSql(sql);
    for (const { stmt } of parsed.ok ? (parsed.result.stmts ?? []) : []) {
      if (!stmt) continue;
      const inner: Statement = { ...statement, node: stmt, kind: Object.keys(stmt)[0] as NodeTag, text: sql };
      const predicted = predictStatement({ ...input, catalog }, inner, true);
      parts.push(predicted);
      catalog = applyEffects(catalog, predicted.effects);
    }
  }
  const unseen = [
    ...(body.unread ? [`the DO block changes nothing it could read (${body.unread})`] : []),
    ...(body.dynamic > 0 ? [`its ${body.dynamic} EXECUTE of a computed string change nothing`] : []),
    ...(parts.length > 0
      ? ['every statement in the DO block runs (IF branches and loop bodies included)']
      : []),
  ];
  return merge(...parts, { assumptions: unseen });
}

function byKind(input: PredictionInput, statement: Statement): Prediction {
  const node = statement.node;
  if ('DoStmt' in node) return predictDo(input, statement, doBlockStatements(node.DoStmt));
  if ('AlterTableStmt' in node) return predictAlterTable(input, statement, node.AlterTableStmt);
  if ('IndexStmt' in node) return predictCreateIndex(input, node.IndexStmt);
  if ('CreateStmt' in node) return predictCreateTable(input, node.CreateStmt);
  if ('ViewStmt' in node)
    return predictCreateFromQuery(input, node.ViewStmt.view, node.ViewStmt.query, 'view');
  if ('CreateTableAsStmt' in node) {
    const { into, query, objtype } = node.CreateTableAsStmt;
    return predictCreateFromQuery(
      input,
      into?.rel,
      query,
      objtype === 'OBJECT_MATVIEW' ? 'matview' : 'table',
    );
  }
  if ('DropStmt' in node) return predictDrop(input, node.DropStmt);
  if ('RenameStmt' in node) return predictRename(input, node.RenameStmt);
  if ('CreateTrigStmt' in node && node.CreateTrigStmt.relation)
    return merge({
      locks: [tableLock(input, resolve(input, node.CreateTrigStmt.relation), 'ShareRowExclusiveLock')],
    });
  if ('UpdateStmt' in node) return predictUpdateOrDelete(input, node.UpdateStmt, 'updated');
  if ('DeleteStmt' in node) return predictUpdateOrDelete(input, node.DeleteStmt, 'deleted');
  if ('InsertStmt' in node) return predictInsert(input, node.InsertStmt);
  if ('SelectStmt' in node) return predictSelect(input, node);
  if ('CopyStmt' in node) return predictCopy(input, node.CopyStmt);
  if ('ReindexStmt' in node) return predictReindex(input, node.ReindexStmt);
  if ('RefreshMatViewStmt' in node) return predictRefresh(input, node.RefreshMatViewStmt);
  if ('VacuumStmt' in node) return predictVacuum(input, node.VacuumStmt);
  if ('ClusterStmt' in node) return predictCluster(input, node.ClusterStmt);
  if ('TruncateStmt' in node) return predictTruncate(input, node.TruncateStmt);
  if ('AlterDomainStmt' in node) return predictAlterDomain(input, node.AlterDomainStmt);
  if ('LockStmt' in node) return predictLock(input, node.LockStmt);
  return searchPathSet(node) ?? NOTHING;
}

/**
 * What PostgreSQL would do with the statement, predicted from its parse tree and the files read
 * before it; a refusal where PostgreSQL refuses it (CONCURRENTLY in a transaction block).
 */
export function predictStatement(
  input: PredictionInput,
  statement: Statement,
  inTransaction: boolean,
): Prediction {
  const tooNew = versionRefusal(statement.node, input.serverVersion);
  if (tooNew) return { ...NOTHING, refusal: tooNew };
  const outsideOnly = outsideTransactionOnly(statement.node, input.serverVersion);
  if (outsideOnly && inTransaction) return { ...NOTHING, refusal: transactionBlockRefusal(outsideOnly) };
  const predicted = byKind(input, statement);
  return outsideOnly ? { ...predicted, autocommit: true } : predicted;
}
