import type { AlterTableCmd, PartitionCmd, RangeVar } from '@pgsql/types';
import { type LockMode, strongestLock } from '../../observe/lock-modes.js';
import { quoteIdent } from '../../sql/quote.js';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import type { Finding } from '../schema-rule.js';
import { type BoundPredicate, boundPredicate } from './attach-partition-bound.js';
import { heldUntil, lockName, observedTable, whatWaits, writtenName } from './observed-table.js';
import { namesRelation } from './pre-existing.js';
import { recipe } from './recipe-steps.js';

/** SQLSTATE 23514: "partition constraint of relation ... is violated by some row", found by the scan. */
const CHECK_VIOLATION = '23514';

interface Attach {
  readonly parent: RangeVar;
  readonly parentWritten: string;
  readonly child: RangeVar;
  readonly cmd: PartitionCmd;
}

function attachOf(ctx: Pick<StatementContext, 'statement'>): Attach | undefined {
  const node = ctx.statement.node;
  if (!('AlterTableStmt' in node) || !node.AlterTableStmt.relation) return undefined;
  const cmd = (node.AlterTableStmt.cmds ?? [])
    .flatMap((c): AlterTableCmd[] => ('AlterTableCmd' in c ? [c.AlterTableCmd] : []))
    .find((c) => c.subtype === 'AT_AttachPartition');
  const partition = cmd?.def && 'PartitionCmd' in cmd.def ? cmd.def.PartitionCmd : undefined;
  if (!partition?.name) return undefined;
  const parent = node.AlterTableStmt.relation;
  return { parent, parentWritten: writtenName(parent), child: partition.name, cmd: partition };
}

function predicateOf(ctx: Pick<StatementContext, 'statement'>, attach: Attach): BoundPredicate {
  return attach.cmd.bound
    ? boundPredicate(ctx.statement, attach.parentWritten, attach.cmd.bound)
    : { ok: false, reason: 'the statement has no bound' };
}

/** ADD CHECK NOT VALID; VALIDATE on its own; then ATTACH (no scan: the CHECK proves the bound) and drop the CHECK. */
function checkRecipe(ctx: Pick<StatementContext, 'statement'>, attach: Attach): string {
  const predicate = predicateOf(ctx, attach);
  const child = writtenName(attach.child);
  if (!predicate.ok)
    return `-- No CHECK to write here: ${predicate.reason}. Attach at a quiet time, after SET lock_timeout = '3s', and retry on timeout.`;
  const check = quoteIdent(`${attach.child.relname ?? ''}_partition_bound`);
  const keys = predicate.keys.join(', ');
  return recipe([
    [
      `-- ${keys}: the partition key of ${attach.parentWritten} (its PARTITION BY columns, in order): replace before running.`,
      `ALTER TABLE ${child} ADD CONSTRAINT ${check} CHECK (${predicate.predicate}) NOT VALID;`,
    ],
    [`ALTER TABLE ${child} VALIDATE CONSTRAINT ${check};`],
    [`${ctx.statement.text};`, `ALTER TABLE ${child} DROP CONSTRAINT ${check};`],
  ]);
}

const HELP =
  'Prove the bound first with a CHECK on the partition added NOT VALID (instant) and validated in a migration of its own (SHARE UPDATE EXCLUSIVE: reads and writes go on): ATTACH PARTITION then skips the scan, and the CHECK can go.';
const DEFAULT_HELP =
  ' The default partition is scanned too, for rows that belong to the new bound: move them out first, and give it a validated CHECK that excludes the new bound so PostgreSQL skips that scan as well.';

export const requireAttachPartitionCheck: MigrationRule = {
  meta: {
    id: 'require-attach-partition-check',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'ATTACH PARTITION of a table that already exists reads all its rows under ACCESS EXCLUSIVE, unless a validated CHECK proves they fit the bound.',
  },
  check(ctx) {
    const attach = attachOf(ctx);
    if (!attach) return [];
    // Judged by the scan PostgreSQL was seen to make, not by comparing CHECK texts: it proves what it can.
    const scanned = scannedUnderLock(ctx);
    const child = scanned.find((t) => namesRelation(attach.child, t.relation));
    const read = child ?? scanned[0];
    if (!read) return [];
    const names = scanned.map((t) => t.relation);
    const parent = observedTable(ctx, attach.parent);
    const others = scanned.length > (child ? 1 : 0);
    const finding: Finding = {
      message: `ATTACH PARTITION reads every row of ${names.join(' and ')} to check ${names.length > 1 ? 'them' : 'it'} against the partition bounds, holding ${lockName(read.mode)}: ${whatWaits(read.mode, names.join(', '))} waits until the scan ends.`,
      why: `${names.join(' and ')} existed before this migration, so ${names.length > 1 ? 'they have' : 'it has'} rows and traffic, and the scan grows with them${
        parent ? `; ${parent.name} is held ${lockName(parent.mode)} meanwhile` : ''
      }${heldUntil(ctx)}.`,
      help: `${child ? HELP : ''}${others ? DEFAULT_HELP : ''}`.trim(),
      ...(child ? { suggestedSql: checkRecipe(ctx, attach) } : {}),
      data: {
        table: read.relation,
        lock: read.mode,
        rowsRead: read.rowsRead,
        scanned: names,
        ...(parent ? { parent: parent.name, parentLock: parent.mode } : {}),
        observed: true,
        inTransaction: ctx.inTransaction,
      },
    };
    return [finding];
  },
  checkFailure(ctx) {
    const attach = attachOf(ctx);
    if (!attach || ctx.failure.sqlstate !== CHECK_VIOLATION) return [];
    // The refused scan read the partition, or the default partition (its name is in the message).
    const quoted = /"([^"]+)"/.exec(ctx.failure.message)?.[1];
    const child = [...ctx.existedBefore].find(
      (name) => namesRelation(attach.child, name) || (quoted && namesRelation({ relname: quoted }, name)),
    );
    if (!child) return [];
    return [
      {
        message: `ATTACH PARTITION read the rows of ${child} under ACCESS EXCLUSIVE to check them against the partition bounds, and PostgreSQL refused it: ${ctx.failure.message}.`,
        why: `${child} existed before this migration: pgvigil put a few synthetic rows in it, and they do not fit the bound. Your rows may; the scan that found them is what blocks every query on ${child}, reads included, for as long as it reads the table.`,
        help: namesRelation(attach.child, child) ? HELP : DEFAULT_HELP.trim(),
        ...(namesRelation(attach.child, child) ? { suggestedSql: checkRecipe(ctx, attach) } : {}),
        data: { table: child, lock: 'AccessExclusiveLock', sqlstate: ctx.failure.sqlstate, observed: true },
      },
    ];
  },
};

/** Pre-existing tables the statement read with a sequential scan, and the strongest lock held on each. */
function scannedUnderLock(
  ctx: StatementContext,
): readonly { readonly relation: string; readonly mode: LockMode; readonly rowsRead: number }[] {
  const { activity, held } = ctx.observation;
  if (activity === 'not observable' || held === 'not observable') return [];
  return activity.flatMap((a) => {
    const mode = strongestLock(held.filter((l) => l.relation === a.relation).map((l) => l.mode));
    return a.seqScans > 0 && mode && ctx.existedBefore.has(a.relation)
      ? [{ relation: a.relation, mode, rowsRead: a.rowsRead }]
      : [];
  });
}
