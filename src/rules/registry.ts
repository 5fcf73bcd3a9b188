import { indexAdviceMeta } from '../advisor/index-advice-meta.js';
import { BUILTIN_METAS } from '../diagnostics/builtin.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import { liveRules } from './live/live-rules.js';
import { banAddNotNullColumnWithoutDefault } from './migration/ban-add-not-null-column-without-default.js';
import { banBackfillInMigration } from './migration/ban-backfill-in-migration.js';
import { banConcurrentInTransaction } from './migration/ban-concurrent-in-transaction.js';
import { banDomainConstraintScan } from './migration/ban-domain-constraint-scan.js';
import { banDropColumn } from './migration/ban-drop-column.js';
import { banDropTable } from './migration/ban-drop-table.js';
import { banEnumValueInSameTransaction } from './migration/ban-enum-value-in-same-transaction.js';
import { banRenameColumn } from './migration/ban-rename-column.js';
import { banRenameTable } from './migration/ban-rename-table.js';
import { banSetNotNullScan } from './migration/ban-set-not-null-scan.js';
import { banTableRewrite } from './migration/ban-table-rewrite.js';
import { banTruncate } from './migration/ban-truncate.js';
import { banValidateInSameTransaction } from './migration/ban-validate-in-same-transaction.js';
import { banWorkAfterAccessExclusive } from './migration/ban-work-after-access-exclusive.js';
import { lockTimelineMeta } from './migration/lock-timeline.js';
import { observedRewrite } from './migration/observed-rewrite.js';
import { observedStrongLock } from './migration/observed-strong-lock.js';
import { observedTableScan } from './migration/observed-table-scan.js';
import { requireAttachPartitionCheck } from './migration/require-attach-partition-check.js';
import { requireConcurrentDetachPartition } from './migration/require-concurrent-detach-partition.js';
import { requireConcurrentDropIndex } from './migration/require-concurrent-drop-index.js';
import { requireConcurrentIndex } from './migration/require-concurrent-index.js';
import { requireConcurrentReindexRefresh } from './migration/require-concurrent-reindex-refresh.js';
import { requireLockTimeout } from './migration/require-lock-timeout.js';
import { requireNotValidConstraint } from './migration/require-not-valid-constraint.js';
import { requireUniqueUsingIndex } from './migration/require-unique-using-index.js';
import type { FallbackRule } from './migration-fallback.js';
import type { MigrationRule } from './migration-rule.js';
import { nPlusOne } from './n-plus-one/n-plus-one.js';
import { noQueryInLoop } from './n-plus-one/no-query-in-loop.js';
import { repeatedIdenticalQuery } from './n-plus-one/repeated-identical-query.js';
import { buffersReadFromDisk } from './plan/buffers-read-from-disk.js';
import { diskSpill } from './plan/disk-spill.js';
import { hotNode } from './plan/hot-node.js';
import { indexFilterRemovesRows } from './plan/index-filter-removes-rows.js';
import { indexOnlyHeapFetches } from './plan/index-only-heap-fetches.js';
import { jitLargeShare } from './plan/jit-large-share.js';
import { lossyBitmapScan } from './plan/lossy-bitmap-scan.js';
import { nestedLoopManyLoops } from './plan/nested-loop-many-loops.js';
import { parallelWorkersMissing } from './plan/parallel-workers-missing.js';
import { planningSlowerThanExecution } from './plan/planning-slower-than-execution.js';
import { rowEstimateMismatch } from './plan/row-estimate-mismatch.js';
import { seqScanLargeTable } from './plan/seq-scan-large-table.js';
import type { PlanRule } from './plan-rule.js';
import { poolingRuleMetas } from './pooling/pooling-rules.js';
import { banCharType } from './schema/ban-char-type.js';
import { banDuplicateIndex } from './schema/ban-duplicate-index.js';
import { banInvalidIndex } from './schema/ban-invalid-index.js';
import { banNullableUnique } from './schema/ban-nullable-unique.js';
import { banRedundantIndex } from './schema/ban-redundant-index.js';
import { preferBigintKey } from './schema/prefer-bigint-key.js';
import { preferIdentity } from './schema/prefer-identity.js';
import { preferJsonb } from './schema/prefer-jsonb.js';
import { preferText } from './schema/prefer-text.js';
import { preferTimestamptz } from './schema/prefer-timestamptz.js';
import { requireFkIndex } from './schema/require-fk-index.js';
import { requireFkTypeMatch } from './schema/require-fk-type-match.js';
import { requirePrimaryKey } from './schema/require-primary-key.js';
import { requireRlsPolicy } from './schema/require-rls-policy.js';
import { requireValidatedConstraint } from './schema/require-validated-constraint.js';
import type { SchemaRule } from './schema-rule.js';
import { topQuery } from './top/top-query.js';
import { traceStepMeta } from './trace/trace-step.js';
import { requireDownMigration } from './verify/require-down-migration.js';
import { reversibility } from './verify/reversibility.js';
import { reversibilityDataLoss } from './verify/reversibility-data-loss.js';

/** Every schema rule. The docs index, config validation and the SARIF rule table derive from this list. */
export const schemaRules: readonly SchemaRule[] = [
  requireFkIndex,
  banDuplicateIndex,
  banRedundantIndex,
  banInvalidIndex,
  requireFkTypeMatch,
  requireValidatedConstraint,
  banNullableUnique,
  requireRlsPolicy,
  requirePrimaryKey,
  preferBigintKey,
  preferIdentity,
  preferTimestamptz,
  preferJsonb,
  banCharType,
  preferText,
];

/** Every migration rule: each judges one statement by what the engine saw it do. */
export const migrationRules: readonly MigrationRule[] = [
  requireConcurrentIndex,
  banConcurrentInTransaction,
  requireLockTimeout,
  banWorkAfterAccessExclusive,
  banBackfillInMigration,
  banDropColumn,
  banRenameColumn,
  banRenameTable,
  banDropTable,
  banAddNotNullColumnWithoutDefault,
  banTableRewrite,
  banTruncate,
  requireConcurrentDropIndex,
  requireConcurrentReindexRefresh,
  requireNotValidConstraint,
  banValidateInSameTransaction,
  banSetNotNullScan,
  requireUniqueUsingIndex,
  requireAttachPartitionCheck,
  requireConcurrentDetachPartition,
  banDomainConstraintScan,
  banEnumValueInSameTransaction,
];

/** Every plan rule: each judges one query plan, from `explain` (measured) or `check` (estimated). */
export const planRules: readonly PlanRule[] = [
  seqScanLargeTable,
  rowEstimateMismatch,
  diskSpill,
  nestedLoopManyLoops,
  indexFilterRemovesRows,
  lossyBitmapScan,
  indexOnlyHeapFetches,
  parallelWorkersMissing,
  planningSlowerThanExecution,
  jitLargeShare,
  buffersReadFromDisk,
  hotNode,
];

/** What semantic mode saw a migration statement do and no migration rule reported: they run after those. */
export const fallbackRules: readonly FallbackRule[] = [
  observedRewrite,
  observedTableScan,
  observedStrongLock,
];

/** Rules `pgvigil verify` judges by running each migration up, down and up again. */
export const verifyRuleMetas: readonly RuleMeta[] = [
  requireDownMigration,
  reversibility,
  reversibilityDataLoss,
];

/** Rules `pgvigil n1` judges on logs and traces (the first two) and on application code (no-query-in-loop). */
export const nPlusOneRuleMetas: readonly RuleMeta[] = [nPlusOne, repeatedIdenticalQuery, noQueryInLoop];

/** Every rule id pgvigil can report, built-in input diagnostics first. */
export const allRuleMetas: readonly RuleMeta[] = [
  ...BUILTIN_METAS,
  ...schemaRules.map((rule) => rule.meta),
  ...migrationRules.map((rule) => rule.meta),
  ...fallbackRules.map((rule) => rule.meta),
  lockTimelineMeta,
  traceStepMeta,
  ...verifyRuleMetas,
  ...planRules.map((rule) => rule.meta),
  indexAdviceMeta,
  ...nPlusOneRuleMetas,
  topQuery,
  ...liveRules.map((rule) => rule.meta),
  ...poolingRuleMetas,
];

export const knownRuleIds: ReadonlySet<string> = new Set(allRuleMetas.map((meta) => meta.id));

export function findRuleMeta(id: string): RuleMeta | undefined {
  return allRuleMetas.find((meta) => meta.id === id);
}
