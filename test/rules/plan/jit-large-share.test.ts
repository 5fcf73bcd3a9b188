import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { jitLargeShare } from '../../../src/rules/plan/jit-large-share.js';
import { engineCases } from '../../support/engines.js';
import { judge, measuredPlan, seedItems } from './support/plan-harness.js';

const SQL = 'SELECT sum(a * b + c), avg(grp) FROM items WHERE note <> $$x$$';
const ALWAYS_JIT =
  'SET jit = on; SET jit_above_cost = 0; SET jit_inline_above_cost = 0; SET jit_optimize_above_cost = 0';

// PGlite has no LLVM: JIT is tested on the PostgreSQL 15 server only.
for (const engineCase of engineCases.filter((c) => c.name === 'server')) {
  describe(`jit-large-share [${engineCase.name}]`, () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await engineCase.open();
      await seedItems(engine, { rows: 1000 });
    });
    afterAll(() => engine.close());

    it('reports JIT compilation that takes most of a short query', async () => {
      const plan = await measuredPlan(engine, SQL, ALWAYS_JIT);
      expect(plan.jit?.functions).toBeGreaterThan(0);
      const [finding] = judge(jitLargeShare, plan, { minJitMs: 1 });
      expect(finding?.data).toMatchObject({ jitMs: plan.jit?.totalMs, executionMs: plan.executionMs });
    });

    it('says nothing with JIT off', async () => {
      const plan = await measuredPlan(engine, SQL, 'SET jit = off');
      expect(plan.jit).toBeUndefined();
      expect(judge(jitLargeShare, plan, { minJitMs: 0 })).toEqual([]);
    });
  });
}
