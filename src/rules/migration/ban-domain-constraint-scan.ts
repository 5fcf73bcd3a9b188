import type { AlterDomainStmt } from '@pgsql/types';
import type { MigrationRule, StatementContext } from '../migration-rule.js';
import { heldUntil, lockName, whatWaits } from './observed-table.js';
import { writeBlockingLocks } from './pre-existing.js';

/** AlterDomainStmt.subtype: C add constraint, O SET NOT NULL, V validate constraint. */
type Scanning = 'add' | 'not-null' | 'validate';

function scanningKind(stmt: AlterDomainStmt): Scanning | undefined {
  if (stmt.subtype === 'O') return 'not-null';
  if (stmt.subtype === 'V') return 'validate';
  const constraint =
    stmt.subtype === 'C' && stmt.def && 'Constraint' in stmt.def ? stmt.def.Constraint : undefined;
  return constraint && !constraint.skip_validation ? 'add' : undefined;
}

function domainName(stmt: AlterDomainStmt): string {
  return (stmt.typeName ?? []).flatMap((n) => ('String' in n ? [n.String.sval ?? ''] : [])).join('.');
}

function fix(ctx: StatementContext, kind: Scanning, domain: string): string {
  if (kind === 'add') return `${ctx.statement.text} NOT VALID;`;
  if (kind === 'not-null')
    return `-- NOT NULL cannot be NOT VALID; a CHECK can:\nALTER DOMAIN ${domain} ADD CONSTRAINT ${domain.split('.').pop()}_not_null CHECK (VALUE IS NOT NULL) NOT VALID;`;
  return `-- No form of VALIDATE lets writes go on: run it off-peak, or keep the constraint NOT VALID (it checks every new value).\nSET lock_timeout = '3s';\n${ctx.statement.text};`;
}

const HELP: Readonly<Record<Scanning, string>> = {
  add: 'Add it NOT VALID: new and updated values are checked at once, existing rows are not read, no table is locked.',
  'not-null':
    'Add CHECK (VALUE IS NOT NULL) NOT VALID instead (NOT NULL itself cannot be NOT VALID): new values are checked, existing rows are not read.',
  validate:
    'A NOT VALID domain constraint already checks every new value; VALIDATE only proves the old rows. Check them with a query instead, or run VALIDATE off-peak with lock_timeout. For a proof without blocking writes, add a table CHECK on each column NOT VALID and VALIDATE that (SHARE UPDATE EXCLUSIVE).',
};

export const banDomainConstraintScan: MigrationRule = {
  meta: {
    id: 'ban-domain-constraint-scan',
    group: 'migration',
    category: 'locking',
    defaultSeverity: 'error',
    scalesWithTable: true,
    summary:
      'ALTER DOMAIN adds or validates a constraint by reading every table that uses the domain under a SHARE lock, blocking writes to all of them.',
  },
  check(ctx) {
    const node = ctx.statement.node;
    const kind = 'AlterDomainStmt' in node ? scanningKind(node.AlterDomainStmt) : undefined;
    if (!kind || !('AlterDomainStmt' in node) || ctx.observation.activity === 'not observable') return [];
    const activity = ctx.observation.activity;
    const locks = writeBlockingLocks(ctx, ctx.observation.locks).filter((lock) =>
      activity.some((a) => a.relation === lock.relation && a.seqScans > 0),
    );
    const [first] = locks;
    if (!first) return [];
    const tables = [...new Set(locks.map((l) => l.relation))];
    const domain = domainName(node.AlterDomainStmt);
    return [
      {
        message: `ALTER DOMAIN ${domain} reads every row of ${tables.join(', ')} (the tables using the domain) holding ${lockName(first.mode)} on each: ${whatWaits(first.mode, tables.join(', '))} waits until the scans end.`,
        why: `These tables existed before this migration, so they have rows and traffic, and the scans grow with them${heldUntil(ctx)}. Unlike a table's VALIDATE CONSTRAINT, a domain's takes SHARE too (observed on PostgreSQL 15 and 18).`,
        help: HELP[kind],
        suggestedSql: fix(ctx, kind, domain),
        data: {
          domain,
          tables,
          lock: first.mode,
          rowsRead: activity.filter((a) => tables.includes(a.relation)).reduce((n, a) => n + a.rowsRead, 0),
          observed: true,
          inTransaction: ctx.inTransaction,
        },
      },
    ];
  },
};
