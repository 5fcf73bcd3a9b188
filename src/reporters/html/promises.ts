import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { RuleGroup, RuleMeta } from '../../diagnostics/rule-meta.js';

/** What pgvigil promises its users; the report sums its findings up by these. */
export type PromiseId =
  | 'foreign-keys-indexed'
  | 'migrations-safe'
  | 'migrations-reversible'
  | 'plans'
  | 'n-plus-one'
  | 'pooling'
  | 'schema'
  | 'live'
  | 'input';

export interface PromiseInfo {
  readonly id: PromiseId;
  readonly title: string;
  /** The six promises of the summary; the rest show only when they have findings. */
  readonly core: boolean;
}

/** In the order the summary shows them. */
export const PROMISES: readonly PromiseInfo[] = [
  { id: 'foreign-keys-indexed', title: 'Foreign keys indexed', core: true },
  { id: 'migrations-safe', title: 'Migrations safe', core: true },
  { id: 'migrations-reversible', title: 'Migrations reversible', core: true },
  { id: 'plans', title: 'Query plans', core: true },
  { id: 'n-plus-one', title: 'No N+1 queries', core: true },
  { id: 'pooling', title: 'Pooling', core: true },
  { id: 'schema', title: 'Schema design', core: false },
  { id: 'live', title: 'Live database', core: false },
  { id: 'input', title: 'Input problems', core: false },
];

/** Schema rules about foreign keys: the first promise is theirs, not schema design's. */
const FOREIGN_KEY_RULES: ReadonlySet<string> = new Set(['require-fk-index', 'require-fk-type-match']);

const BY_GROUP: Readonly<Record<RuleGroup, PromiseId>> = {
  schema: 'schema',
  migration: 'migrations-safe',
  verify: 'migrations-reversible',
  plan: 'plans',
  'n-plus-one': 'n-plus-one',
  pooling: 'pooling',
  live: 'live',
  input: 'input',
};

/** The promise a rule's findings speak to: by id for foreign keys, by category for pooling, else by group. */
export function promiseOfRule(meta: RuleMeta): PromiseId {
  if (FOREIGN_KEY_RULES.has(meta.id)) return 'foreign-keys-indexed';
  if (meta.category === 'pooling') return 'pooling';
  return BY_GROUP[meta.group];
}

/** A finding of a rule the report has no metadata for still lands somewhere: pooling by category, else input. */
export function promiseOf(diagnostic: Diagnostic, metas: ReadonlyMap<string, RuleMeta>): PromiseId {
  const meta = metas.get(diagnostic.rule);
  if (meta) return promiseOfRule(meta);
  return diagnostic.category === 'pooling' ? 'pooling' : 'input';
}
