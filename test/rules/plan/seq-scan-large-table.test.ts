import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { seqScanLargeTable } from '../../../src/rules/plan/seq-scan-large-table.js';
import { initSql } from '../../../src/sql/parser.js';
import { describeEachEngine } from '../../support/engines.js';
import { estimatedPlans, judge, measuredPlan, nodeOf, seedItems } from './support/plan-harness.js';

describeEachEngine('seq-scan-large-table', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    [engine] = await Promise.all([open(), initSql()]);
    await seedItems(engine, { rows: 30_000 });
  });
  afterAll(() => engine.close());

  it('reports a measured scan that reads 30,000 rows to keep 300, and says no index can serve it', async () => {
    const sql = 'SELECT * FROM items WHERE grp = 3';
    const plan = await measuredPlan(engine, sql);
    const { withoutSeqScan } = await estimatedPlans(engine, sql);
    const [finding, ...more] = judge(seqScanLargeTable, plan, {}, { withoutSeqScan });
    expect(more).toEqual([]);
    expect(finding?.data).toMatchObject({ rowsRead: 30_000, rowsKept: 300, noIndexCanServe: true });
    expect(nodeOf(plan, finding?.data?.node)?.nodeType).toBe('Seq Scan');
    expect(finding?.message).toContain('reads 30,000 rows to keep 300');
  });

  it('says nothing when the filter keeps most rows, or the table is under minRowsRead', async () => {
    expect(judge(seqScanLargeTable, await measuredPlan(engine, 'SELECT * FROM items WHERE grp > 3'))).toEqual(
      [],
    );
    const plan = await measuredPlan(engine, 'SELECT * FROM items WHERE grp = 3');
    expect(judge(seqScanLargeTable, plan, { minRowsRead: 50_000 })).toEqual([]);
  });

  it('without ANALYZE, reports the scan the planner keeps with seq scans off, unless statistics say small', async () => {
    const plans = await estimatedPlans(engine, 'SELECT * FROM items WHERE note LIKE $1');
    expect(plans.plan.analyzed).toBe(false);
    const findings = judge(seqScanLargeTable, plans.plan, {}, { withoutSeqScan: plans.withoutSeqScan });
    expect(findings.map((f) => f.data?.relation)).toEqual(['items']);
    const small = new Map([['public.items', { rows: 500, bytes: 64 * 1024 }]]);
    const inputs = { withoutSeqScan: plans.withoutSeqScan, tableSizes: small };
    expect(judge(seqScanLargeTable, plans.plan, {}, inputs)).toEqual([]);
  });

  it('without ANALYZE, says nothing when an index serves the predicate', async () => {
    await engine.exec('CREATE INDEX items_grp ON items (grp)');
    const plans = await estimatedPlans(engine, 'SELECT * FROM items WHERE grp = $1');
    expect(judge(seqScanLargeTable, plans.plan, {}, { withoutSeqScan: plans.withoutSeqScan })).toEqual([]);
    const measured = await measuredPlan(engine, 'SELECT * FROM items WHERE grp = 3');
    expect(judge(seqScanLargeTable, measured)).toEqual([]);
    await engine.exec('DROP INDEX items_grp');
  });
});
