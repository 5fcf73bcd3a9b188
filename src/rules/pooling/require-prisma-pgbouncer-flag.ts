import type { RuleMeta } from '../../diagnostics/rule-meta.js';

/** Judged by `pgvigil pooling` on schema.prisma and the .env it reads, when a pooler is in front. */
export const requirePrismaPgbouncerFlag: RuleMeta = {
  id: 'require-prisma-pgbouncer-flag',
  group: 'pooling',
  category: 'pooling',
  defaultSeverity: 'error',
  summary:
    "A Prisma datasource URL that goes through a transaction-mode pooler lacks pgbouncer=true, so Prisma's named prepared statements collide.",
};
