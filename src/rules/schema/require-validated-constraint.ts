import type { Constraint } from '../../catalog/model.js';
import { quoteIdent } from '../../sql/quote.js';
import type { Finding, SchemaRule } from '../schema-rule.js';

// pg_get_constraintdef of a CHECK: `CHECK ((price > 0)) [NO INHERIT] [NOT VALID]`.
const CHECK_DEFINITION = /^CHECK (.*?)( NO INHERIT)?( NOT VALID)?$/s;

/** Rows VALIDATE would reject: a CHECK fails only when its expression is false, never when NULL. */
function violationsQuery(constraint: Constraint): string | undefined {
  const table = constraint.table.qualified;
  if (constraint.kind === 'check') {
    const expression = CHECK_DEFINITION.exec(constraint.definition)?.[1];
    return expression && `SELECT * FROM ${table} WHERE NOT ${expression};`;
  }
  const references = constraint.references;
  if (!references || references.columns.length !== constraint.columns.length) return undefined;
  // MATCH SIMPLE (the default): a row with any NULL key column is not checked. MATCH FULL also
  // rejects rows with some but not all key columns NULL, which this query does not list.
  const present = constraint.columns.map((c) => `c.${quoteIdent(c)} IS NOT NULL`).join(' AND ');
  const joins = constraint.columns
    .map((c, i) => `p.${quoteIdent(references.columns[i] ?? c)} = c.${quoteIdent(c)}`)
    .join(' AND ');
  return `SELECT c.* FROM ${table} c WHERE ${present}\n  AND NOT EXISTS (SELECT 1 FROM ${references.table.qualified} p WHERE ${joins});`;
}

function describe(constraint: Constraint): Finding {
  const table = constraint.table.qualified;
  const name = quoteIdent(constraint.name);
  const isCheck = constraint.kind === 'check';
  const cost = isCheck
    ? 'The planner does not use a NOT VALID CHECK for constraint exclusion, and ALTER COLUMN ... SET NOT NULL or ATTACH PARTITION cannot rely on it to skip their full-table scan.'
    : `Rows of ${table} that existed before the key was added may reference rows of ${constraint.references?.table.qualified ?? 'the referenced table'} that do not exist; joins and application code that assume the key holds can lose or invent rows.`;
  const locks = isCheck
    ? `It takes a SHARE UPDATE EXCLUSIVE lock on ${table}: reads and writes go on while it scans.`
    : `It takes a SHARE UPDATE EXCLUSIVE lock on ${table} and a ROW SHARE lock on ${constraint.references?.table.qualified ?? 'the referenced table'}: reads and writes go on while it scans.`;
  return {
    message: `${isCheck ? 'CHECK' : 'Foreign key'} constraint ${constraint.name} on ${table} is NOT VALID: rows that existed before it was added were never checked.`,
    why: `NOT VALID only checks rows written from then on, so nothing guarantees the rows already there. ${cost}`,
    help: `Run ALTER TABLE ${table} VALIDATE CONSTRAINT ${name} (the second step of the safe pattern); fix or delete the rows the query below lists first, or it fails. ${locks}`,
  };
}

export const requireValidatedConstraint: SchemaRule = {
  meta: {
    id: 'require-validated-constraint',
    group: 'schema',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary:
      'A CHECK or FOREIGN KEY constraint is left NOT VALID, so the rows already in the table were never checked.',
  },
  check(ctx) {
    return ctx.catalog.constraints
      .filter((c) => !c.validated && !c.inherited && (c.kind === 'check' || c.kind === 'foreign key'))
      .map((constraint) => {
        const violations = violationsQuery(constraint);
        const validate = `ALTER TABLE ${constraint.table.qualified} VALIDATE CONSTRAINT ${quoteIdent(constraint.name)};`;
        return {
          ...describe(constraint),
          ...ctx.locate({ kind: 'constraint', constraint }),
          suggestedSql: violations
            ? `-- Rows that would make VALIDATE fail (fix or delete them first):\n${violations}\n${validate}`
            : validate,
          data: {
            table: constraint.table.qualified,
            constraint: constraint.name,
            kind: constraint.kind,
            columns: constraint.columns,
          },
        };
      });
  },
};
