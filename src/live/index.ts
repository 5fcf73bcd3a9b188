export type { BloatEstimate } from './bloat-estimate.js';
export type { DatabaseFacts } from './database-facts.js';
export type { LiveFacts } from './live-facts.js';
export type { Skipped } from './readout.js';
export type { IndexUsage, TableActivity } from './relation-usage.js';
export type { InactiveSlot } from './replication-slots.js';
export {
  HealthError,
  type HealthOptions,
  type HealthResult,
  LIVE_LOCK_TIMEOUT_MS,
  LIVE_STATEMENT_TIMEOUT_MS,
  runHealth,
  type ServerHealth,
} from './run-health.js';
export type { Session } from './sessions.js';
