import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../../src/diagnostics/rule-meta.js';
import { PROMISES, type PromiseId, promiseOf, promiseOfRule } from '../../../src/reporters/html/promises.js';
import {
  allRuleMetas,
  fallbackRules,
  migrationRules,
  nPlusOneRuleMetas,
  planRules,
  verifyRuleMetas,
} from '../../../src/rules/registry.js';

function promisesOf(metas: readonly RuleMeta[]): ReadonlySet<PromiseId> {
  return new Set(metas.map(promiseOfRule));
}

describe('promise of a rule', () => {
  it('puts every registered rule under a promise the summary shows', () => {
    const known = new Set(PROMISES.map((p) => p.id));
    for (const meta of allRuleMetas) expect(known.has(promiseOfRule(meta)), meta.id).toBe(true);
  });

  it('gives each core promise but pooling at least one registered rule', () => {
    const covered = promisesOf(allRuleMetas);
    const core = PROMISES.filter((p) => p.core && p.id !== 'pooling').map((p) => p.id);
    for (const id of core) expect(covered.has(id), id).toBe(true);
  });

  it('maps each family of rules to its promise', () => {
    expect(promisesOf([...migrationRules, ...fallbackRules].map((rule) => rule.meta))).toEqual(
      new Set(['migrations-safe']),
    );
    expect(promisesOf(verifyRuleMetas)).toEqual(new Set(['migrations-reversible']));
    expect(promisesOf(planRules.map((rule) => rule.meta))).toEqual(new Set(['plans']));
    expect(promisesOf(nPlusOneRuleMetas)).toEqual(new Set(['n-plus-one']));
  });

  it('keeps foreign-key rules out of schema design, and other schema rules in it', () => {
    const byId = (id: string) => allRuleMetas.find((meta) => meta.id === id) as RuleMeta;
    expect(promiseOfRule(byId('require-fk-index'))).toBe('foreign-keys-indexed');
    expect(promiseOfRule(byId('ban-duplicate-index'))).toBe('schema');
  });

  it('sends pooling rules and unknown pooling findings to pooling', () => {
    const meta: RuleMeta = {
      id: 'x',
      group: 'pooling',
      category: 'pooling',
      defaultSeverity: 'warning',
      summary: 's',
    };
    expect(promiseOfRule(meta)).toBe('pooling');
    const unknown = {
      rule: 'not-registered',
      category: 'pooling',
      severity: 'warning',
      message: 'm',
    } as const;
    expect(promiseOf(unknown, new Map())).toBe('pooling');
  });
});
