import type { RuleMeta } from '../../diagnostics/rule-meta.js';
import { banCursorWithHold } from './ban-cursor-with-hold.js';
import { banListen } from './ban-listen.js';
import { banLoad } from './ban-load.js';
import { banNamedPreparedStatement } from './ban-named-prepared-statement.js';
import { banSessionAdvisoryLock } from './ban-session-advisory-lock.js';
import { banSessionSet } from './ban-session-set.js';
import { banSqlPrepare } from './ban-sql-prepare.js';
import { poolSizeRecommendation } from './pool-size-recommendation.js';
import { requirePoolSizeWithinMaxConnections } from './require-pool-size-within-max-connections.js';
import { requirePostgresJsPrepareFalse } from './require-postgres-js-prepare-false.js';
import { requirePrismaPgbouncerFlag } from './require-prisma-pgbouncer-flag.js';
import { requireTempTableOnCommitDrop } from './require-temp-table-on-commit-drop.js';
import type { SessionFeatureRule } from './session-feature-rule.js';
import { transactionPooler } from './transaction-pooler.js';

/** Every rule on SQL that keeps state in the server session past its transaction. */
export const sessionFeatureRules: readonly SessionFeatureRule[] = [
  banSessionSet,
  banSessionAdvisoryLock,
  banListen,
  banSqlPrepare,
  requireTempTableOnCommitDrop,
  banCursorWithHold,
  banLoad,
];

/** Every rule `pgvigil pooling` reports: the pooler it found, session features, driver settings, sizing. */
export const poolingRuleMetas: readonly RuleMeta[] = [
  transactionPooler,
  ...sessionFeatureRules.map((rule) => rule.meta),
  requirePrismaPgbouncerFlag,
  requirePostgresJsPrepareFalse,
  banNamedPreparedStatement,
  requirePoolSizeWithinMaxConnections,
  poolSizeRecommendation,
];
