import type { CatalogChange } from './diff/catalog-change.js';
import { constraintMatcher } from './diff/constraints.js';
import { enumMatcher } from './diff/enums.js';
import { extensionMatcher, schemaMatcher } from './diff/extensions.js';
import { functionMatcher } from './diff/functions.js';
import { indexMatcher } from './diff/indexes.js';
import { diffByIdentity } from './diff/match.js';
import { policyMatcher } from './diff/policies.js';
import { sequenceMatcher } from './diff/sequences.js';
import { tableMatcher } from './diff/tables.js';
import { triggerMatcher } from './diff/triggers.js';
import { viewMatcher } from './diff/views.js';
import type { CatalogSnapshot } from './model.js';

/**
 * Every structural difference between two snapshots, in words. Objects are matched by identity
 * (qualified names; functions by signature), never by oid; volatile facts (oids, sizes, row
 * estimates, sequence positions, the server version) are not compared, so identical schemas
 * give no change at all. Ordered from containers to contents: schemas first, triggers and policies last.
 */
export function diffCatalogs(before: CatalogSnapshot, after: CatalogSnapshot): readonly CatalogChange[] {
  return [
    ...diffByIdentity(before.schemas, after.schemas, schemaMatcher),
    ...diffByIdentity(before.extensions, after.extensions, extensionMatcher),
    ...diffByIdentity(before.enums, after.enums, enumMatcher),
    ...diffByIdentity(before.sequences, after.sequences, sequenceMatcher),
    ...diffByIdentity(before.tables, after.tables, tableMatcher),
    ...diffByIdentity(before.constraints, after.constraints, constraintMatcher),
    ...diffByIdentity(before.indexes, after.indexes, indexMatcher),
    ...diffByIdentity(before.views, after.views, viewMatcher),
    ...diffByIdentity(before.functions, after.functions, functionMatcher),
    ...diffByIdentity(before.triggers, after.triggers, triggerMatcher),
    ...diffByIdentity(before.policies, after.policies, policyMatcher),
  ];
}
