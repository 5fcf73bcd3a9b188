import type { Policy, Table } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';

const sameTable = (policy: Policy, table: Table): boolean =>
  policy.table.schema === table.schema && policy.table.name === table.name;

const LOCK_TIMEOUT = [
  '-- A quick catalog change, but it needs an ACCESS EXCLUSIVE lock: wait at most 5 s for it.',
  "SET lock_timeout = '5s';",
];

/** RLS on and no policy: PostgreSQL denies every row to every role subject to RLS. */
function noPolicy(table: Table): Finding {
  const who = table.rowSecurity.forced
    ? 'every role without BYPASSRLS, the owner included (FORCE ROW LEVEL SECURITY)'
    : 'every role but the owner and roles with BYPASSRLS';
  const denyAll = quoteIdent(`${table.name}_deny_all`);
  return {
    severity: 'warning',
    message: `Row level security is enabled on ${table.qualified} but it has no policy: ${who} sees no rows and can write none.`,
    why: 'With no policy PostgreSQL applies a default-deny policy, so the application reads empty results and its writes fail, usually only once it runs as a non-owner role in production.',
    help: `Write the policies the application needs (CREATE POLICY ... USING (...)); if denying everyone is what you mean, say so with an explicit policy like the one below, which changes nothing else.`,
    suggestedSql: [
      '-- Only if no access is intended; otherwise write real policies, e.g.',
      `-- CREATE POLICY ${quoteIdent(`${table.name}_owner`)} ON ${table.qualified} USING (owner_id = current_setting('app.user_id')::bigint);`,
      `CREATE POLICY ${denyAll} ON ${table.qualified} USING (false) WITH CHECK (false);`,
    ].join('\n'),
  };
}

/** Policies but RLS off: the policies are stored and never applied. */
function notEnforced(table: Table, policies: readonly Policy[]): Finding {
  const names = policies.map((p) => p.name).join(', ');
  return {
    severity: 'error',
    message: `${policies.length > 1 ? 'Policies' : 'Policy'} ${names} on ${table.qualified} ${policies.length > 1 ? 'are' : 'is'} not enforced: row level security is disabled on the table.`,
    why: 'PostgreSQL applies policies only when the table has ROW LEVEL SECURITY enabled; until then every role with a table privilege reads and writes every row, whatever the policies say.',
    help: `Enable row level security on ${table.qualified}; check first that the policies let the application's roles do what they need, since they apply at once.`,
    suggestedSql: [
      ...LOCK_TIMEOUT,
      `ALTER TABLE ${table.qualified} ENABLE ROW LEVEL SECURITY;`,
      'RESET lock_timeout;',
    ].join('\n'),
  };
}

export const requireRlsPolicy: SchemaRule = {
  meta: {
    id: 'require-rls-policy',
    group: 'schema',
    category: 'security',
    defaultSeverity: 'error',
    summary:
      'Row level security is enabled on a table with no policy (everything denied), or policies exist on a table whose row level security is off (nothing enforced).',
  },
  check(ctx) {
    return ctx.catalog.tables.flatMap((table) => {
      const policies = ctx.catalog.policies.filter((p) => sameTable(p, table));
      const finding = table.rowSecurity.enabled
        ? policies.length === 0 && noPolicy(table)
        : policies.length > 0 && notEnforced(table, policies);
      if (!finding) return [];
      return [
        {
          ...finding,
          ...ctx.locate({ kind: 'table', table }),
          data: {
            table: table.qualified,
            rowSecurity: table.rowSecurity.enabled,
            forced: table.rowSecurity.forced,
            policies: policies.map((p) => p.name),
          },
        },
      ];
    });
  },
};
