import type { Constraint } from '@pgsql/types';
import { runOutsideTransactionAdvice } from '../../migrate/run-outside-transaction.js';
import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { addColumnsWithout } from './column-without.js';
import {
  type AddedConstraint,
  type AlterTarget,
  addedConstraints,
  alterTarget,
  heldUntil,
  lockName,
  type ObservedTable,
  observedTable,
  whatWaits,
} from './observed-table.js';
import { notNullWithoutScan, recipe } from './recipe-steps.js';

const KINDS: Readonly<Record<string, string>> = {
  CONSTR_UNIQUE: 'UNIQUE',
  CONSTR_PRIMARY: 'PRIMARY KEY',
  CONSTR_EXCLUSION: 'EXCLUDE',
};

function names(nodes: Constraint['keys']): string[] {
  return (nodes ?? []).flatMap((node) => ('String' in node ? [node.String.sval ?? ''] : []));
}

function keyColumns({ constraint, column }: AddedConstraint): string[] {
  return column !== undefined ? [column] : names(constraint.keys);
}

/** The index's name: the constraint's, else the one the engine was seen to create, else PostgreSQL's pattern. */
function indexName(ctx: StatementContext, target: AlterTarget, added: AddedConstraint): string {
  if (added.constraint.conname) return added.constraint.conname;
  const created = ctx.observation.created.filter((r) => r.kind === 'index' || r.kind === 'partitioned-index');
  const only = created.length === 1 ? created[0]?.relation.split('.').at(-1) : undefined;
  if (only) return only.replace(/^"(.*)"$/, '$1').replaceAll('""', '"');
  const relname = target.relation.relname ?? '';
  return added.constraint.contype === 'CONSTR_PRIMARY'
    ? `${relname}_pkey`
    : `${relname}_${keyColumns(added).join('_')}_key`;
}

function usingIndexRecipe(ctx: StatementContext, target: AlterTarget, added: AddedConstraint): string {
  const column = addColumnsWithout(ctx.statement, target, [added]);
  const { constraint } = added;
  const index = quoteIdent(indexName(ctx, target, added));
  const columns = keyColumns(added);
  const include = names(constraint.including);
  const primary = constraint.contype === 'CONSTR_PRIMARY';
  const build = [
    `CREATE UNIQUE INDEX CONCURRENTLY ${index} ON ${target.written} (${columns.map(quoteIdent).join(', ')})`,
    include.length > 0 ? ` INCLUDE (${include.map(quoteIdent).join(', ')})` : '',
    constraint.nulls_not_distinct ? ' NULLS NOT DISTINCT' : '',
    ';',
  ].join('');
  const timing = [
    constraint.deferrable ? ' DEFERRABLE' : '',
    constraint.initdeferred ? ' INITIALLY DEFERRED' : '',
  ].join('');
  const attach = `ALTER TABLE ${target.written} ADD CONSTRAINT ${index} ${KINDS[constraint.contype ?? '']} USING INDEX ${index}${timing};`;
  const notNull = primary
    ? columns.map((column) => notNullWithoutScan(target.written, target.relation.relname ?? '', column))
    : [];
  const keyNote = primary
    ? ['-- PRIMARY KEY needs its columns NOT NULL: for any key column that is not yet, without a scan:']
    : [];
  return recipe([
    [...column, ...keyNote, ...notNull.flatMap(([add]) => add)],
    [...notNull.flatMap(([, rest]) => rest)],
    [`-- alone in its migration: CONCURRENTLY refuses to run in a transaction`, build],
    [attach],
  ]);
}

/** When no index can be built beforehand: EXCLUDE (no USING INDEX form) or a partitioned table. */
function noOnlineRecipe(reason: string, table: ObservedTable): string {
  return [
    `-- ${reason}: PostgreSQL builds this index under ACCESS EXCLUSIVE, always. Either`,
    `-- 1. run it in a maintenance window, with SET lock_timeout = '5s' before it so it never queues behind traffic; or`,
    `-- 2. create a new table with the constraint, copy ${table.name} into it in batches (a trigger keeps them in step), and swap the names in one short transaction.`,
  ].join('\n');
}

export const requireUniqueUsingIndex: MigrationRule = {
  meta: {
    id: 'require-unique-using-index',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'A UNIQUE, PRIMARY KEY or EXCLUDE constraint added to a table that already exists builds its index under ACCESS EXCLUSIVE, blocking reads and writes.',
  },
  check(ctx) {
    const target = alterTarget(ctx);
    const added = addedConstraints(target?.cmds ?? []).filter(
      ({ constraint }) => KINDS[constraint.contype ?? ''] !== undefined && !constraint.indexname,
    );
    if (!target || added.length === 0 || ctx.observation.created.every((r) => !r.kind.endsWith('index')))
      return [];
    const table = observedTable(ctx, target.relation);
    if (!table?.existedBefore) return [];
    const exclude = added.some(({ constraint }) => constraint.contype === 'CONSTR_EXCLUSION');
    const what = added.map(({ constraint }) => KINDS[constraint.contype ?? '']).join(', ');
    const partitioned = table.kind === 'partitioned-table';
    const help = exclude
      ? 'EXCLUDE constraints cannot be added from an index built beforehand (there is no USING INDEX form for them): add it in a maintenance window, or build a new table with it and move the rows.'
      : partitioned
        ? 'On a partitioned table neither CREATE INDEX CONCURRENTLY nor ADD CONSTRAINT ... USING INDEX is accepted: add it in a maintenance window, or build a new table with it and move the rows.'
        : `Build the unique index first with CREATE UNIQUE INDEX CONCURRENTLY (writes go on), then add the constraint from it with USING INDEX: that only takes a brief ACCESS EXCLUSIVE lock, with no build. ${runOutsideTransactionAdvice(
            ctx.migration.format,
          )}`;
    const finding: Finding = {
      message: `ADD ${what} builds an index over every row of ${table.name} while holding ${lockName(
        table.mode,
      )} on it: ${whatWaits(table.mode, table.name)} waits until the build ends.`,
      why: `${table.name} existed before this migration, so it has rows and traffic, and the build grows with it${heldUntil(ctx)}.`,
      help,
      suggestedSql: exclude
        ? noOnlineRecipe('EXCLUDE has no USING INDEX form', table)
        : partitioned
          ? noOnlineRecipe(`${table.name} is partitioned: no CONCURRENTLY, no USING INDEX`, table)
          : added.map((one) => usingIndexRecipe(ctx, target, one)).join('\n'),
      data: {
        table: table.name,
        lock: table.mode,
        constraints: what,
        created: ctx.observation.created.map((r) => r.relation),
        observed: true,
        inTransaction: ctx.inTransaction,
      },
    };
    return [finding];
  },
};
