import type { MigrationRule } from '../migration-rule.js';

/** SQLSTATE 55P04 unsafe_new_enum_value_usage: "unsafe use of new value ... of enum type ...". */
const UNSAFE_NEW_ENUM_VALUE = '55P04';

export const banEnumValueInSameTransaction: MigrationRule = {
  meta: {
    id: 'ban-enum-value-in-same-transaction',
    group: 'migration',
    category: 'correctness',
    defaultSeverity: 'error',
    summary:
      'A statement uses an enum value added by ALTER TYPE ... ADD VALUE earlier in the same transaction, which PostgreSQL refuses until that transaction commits.',
  },
  checkFailure(ctx) {
    if (ctx.failure.sqlstate !== UNSAFE_NEW_ENUM_VALUE) return [];
    const wrapped = ctx.migration.inTransaction
      ? `${ctx.migration.format} runs this migration in one transaction`
      : 'the file opens a transaction around both';
    return [
      {
        message: `PostgreSQL refuses this statement: ${ctx.failure.message}; the value was added in this same transaction (${wrapped}), and a new enum value cannot be used before the transaction that added it commits.`,
        why: 'The migration fails when it is deployed, and everything before it in the transaction is rolled back, the new value included.',
        help: 'Put ALTER TYPE ... ADD VALUE in a migration of its own, before the one that uses the value: once it has committed, the value can be used.',
        data: {
          sqlstate: ctx.failure.sqlstate,
          format: ctx.migration.format,
          inTransaction: ctx.inTransaction,
        },
      },
    ];
  },
};
