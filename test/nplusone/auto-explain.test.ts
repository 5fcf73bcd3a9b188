import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { planRules } from '../../src/rules/registry.js';
import { cli } from '../support/run-cli.js';
import { type CapturedLogs, LoggingCluster } from './support/logging-cluster.js';

let cluster: LoggingCluster;
let logs: CapturedLogs;
const planRuleIds = new Set(planRules.map((rule) => rule.meta.id));

// Rows the planner cannot guess (no ANALYZE yet) read through a filter that keeps one of them.
async function workload(url: string, format: 'text' | 'json'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("LOAD 'auto_explain'");
    await client.query('SET auto_explain.log_min_duration = 0');
    await client.query('SET auto_explain.log_analyze = on');
    await client.query(`SET auto_explain.log_format = ${format}`);
    await client.query(`DROP TABLE IF EXISTS ae_${format}`);
    await client.query(
      `CREATE TABLE ae_${format} AS SELECT g AS id, g % 1000 AS kind FROM generate_series(1, 200000) g`,
    );
    for (let i = 0; i < 3; i++)
      await client.query(`SELECT id FROM ae_${format} WHERE kind = $1 AND id < 0`, [i]);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  cluster = await LoggingCluster.start();
  logs = await cluster.capture('%m [%p] ', async (url) => {
    await workload(url, 'text');
    await workload(url, 'json');
  });
}, 120_000);
afterAll(() => cluster?.stop());

describe('auto_explain plans in a server log', () => {
  it('runs the plan rules on each logged plan, at the line of its record, folded per query', async () => {
    const { stdout, stderr } = await cli('n1', logs.stderr, '--format', 'json');
    expect(stderr).toBe('');
    const found = (JSON.parse(stdout).diagnostics as Diagnostic[]).filter((d) => planRuleIds.has(d.rule));
    expect(found.length).toBeGreaterThan(0);
    const lines = readFileSync(logs.stderr, 'utf8').split('\n');
    for (const d of found) expect(lines[(d.line ?? 0) - 1]).toMatch(/LOG: {2}duration: [\d.]+ ms {2}plan:$/);
    // Both formats were read: a finding for the query on each table.
    const queries = found.map((d) => String(d.data?.query));
    expect(queries.some((q) => q.includes('ae_text'))).toBe(true);
    expect(queries.some((q) => q.includes('ae_json'))).toBe(true);
    // Three executions of one query: one finding per rule, which says it saw three plans.
    const text = found.filter((d) => String(d.data?.query).includes('FROM ae_text WHERE'));
    expect(text.length).toBeGreaterThan(0);
    expect(new Set(text.map((d) => d.rule)).size).toBe(text.length);
    expect(text.every((d) => d.data?.plans === 3)).toBe(true);
  });
});
