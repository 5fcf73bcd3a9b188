import { banAutovacuumLag } from './ban-autovacuum-lag.js';
import { banBlockedQuery } from './ban-blocked-query.js';
import { banConnectionSaturation } from './ban-connection-saturation.js';
import { banIdleInTransaction } from './ban-idle-in-transaction.js';
import { banInactiveReplicationSlot } from './ban-inactive-replication-slot.js';
import { banIndexBloat } from './ban-index-bloat.js';
import { banLongRunningTransaction } from './ban-long-running-transaction.js';
import { banSequenceExhaustion } from './ban-sequence-exhaustion.js';
import { banTableBloat } from './ban-table-bloat.js';
import { banUnusedIndex } from './ban-unused-index.js';
import { banXidWraparoundRisk } from './ban-xid-wraparound-risk.js';
import type { LiveRule } from './live-rule.js';
import { preferIndexScan } from './prefer-index-scan.js';
import { requireCacheHitRatio } from './require-cache-hit-ratio.js';
import { requireMonitoringGrant } from './require-monitoring-grant.js';

/** Every rule `pgvigil health` judges on a running server, besides the schema rules on its catalog. */
export const liveRules: readonly LiveRule[] = [
  banBlockedQuery,
  banIdleInTransaction,
  banLongRunningTransaction,
  banConnectionSaturation,
  banXidWraparoundRisk,
  banSequenceExhaustion,
  banInactiveReplicationSlot,
  banUnusedIndex,
  banAutovacuumLag,
  banTableBloat,
  banIndexBloat,
  preferIndexScan,
  requireCacheHitRatio,
  requireMonitoringGrant,
];
