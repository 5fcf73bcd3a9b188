import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine.js';
import { buffersReadFromDisk } from '../../../src/rules/plan/buffers-read-from-disk.js';
import { describeEachEngine } from '../../support/engines.js';
import { judge, measuredPlan, nodeOf } from './support/plan-harness.js';

describeEachEngine('buffers-read-from-disk', (open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
    // CREATE TABLE AS writes through a ring of shared_buffers / 8 (at most 16MB), so most of the
    // new table's pages leave shared buffers; a sequential scan of a table larger than a quarter
    // of shared_buffers reads through a small ring too: its pages are read on every run.
    const { rows } = await engine.query<{ bytes: string }>(
      "SELECT pg_size_bytes(current_setting('shared_buffers'))::text AS bytes",
    );
    // At least 1,500 pages, so that more than minReadBlocks (1,000) are read.
    const pages = Math.max(1500, Math.ceil((Number(rows[0]?.bytes) * 0.4) / 8192));
    await engine.exec(`CREATE TABLE items WITH (autovacuum_enabled = false) AS
      SELECT g AS id, repeat('x', 1000) AS pad FROM generate_series(1, ${pages * 7}) g`);
    await engine.exec(
      'CREATE TABLE small (id int PRIMARY KEY); INSERT INTO small SELECT generate_series(1, 100)',
    );
  });
  afterAll(() => engine.close());

  it('reports a scan that read most of its pages from outside shared buffers', async () => {
    const plan = await measuredPlan(engine, 'SELECT count(*) FROM items');
    const [finding] = judge(buffersReadFromDisk, plan);
    expect(Number(finding?.data?.readShare)).toBeGreaterThanOrEqual(0.5);
    expect(nodeOf(plan, finding?.data?.node)?.relation).toBe('items');
  });

  it('says nothing for a small table that stays in shared buffers', async () => {
    await measuredPlan(engine, 'SELECT count(*) FROM small');
    expect(judge(buffersReadFromDisk, await measuredPlan(engine, 'SELECT count(*) FROM small'))).toEqual([]);
  });
});
