import { expect, it } from 'vitest';
import { preferTimestamptz } from '../../../src/rules/schema/prefer-timestamptz.js';
import { relfilenodes, runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

describeSchemaRule('prefer-timestamptz', (engine) => {
  it('accepts timestamptz, date and view columns', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, at timestamptz, day date);
      CREATE VIEW v AS SELECT at::timestamp AS local_at FROM t;`;
    expect(await checkSchemaRule(engine, preferTimestamptz, sql)).toEqual([]);
  });

  it('reports timestamp with and without precision and arrays, partitioned tables once', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, a timestamp, b timestamp(3), c timestamp[]);
      CREATE TABLE e (at timestamp) PARTITION BY RANGE (at);
      CREATE TABLE e_1 PARTITION OF e FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`;
    const findings = await checkSchemaRule(engine, preferTimestamptz, sql);
    expect(findings.map((f) => `${f.data?.table}.${f.data?.column}`)).toEqual([
      'public.e.at',
      'public.t.a',
      'public.t.b',
      'public.t.c',
    ]);
  });

  it('measures why the fix has no USING clause: with one the table is rewritten even in UTC', async () => {
    await engine.exec(`CREATE TABLE t (at timestamp); INSERT INTO t VALUES ('2025-03-30 01:30');`);
    const before = await relfilenodes(engine);
    await engine.transaction(async (tx) => {
      await tx.exec("SET LOCAL TimeZone = 'UTC'");
      await tx.exec("ALTER TABLE t ALTER COLUMN at TYPE timestamptz USING at AT TIME ZONE 'UTC'");
    });
    expect((await relfilenodes(engine)).t).not.toBe(before.t);
  });

  for (const type of ['timestamp', 'timestamp(3)']) {
    it(`converts ${type} without rewriting the table and reads the values as UTC`, async () => {
      const sql = `CREATE TABLE t (id bigint PRIMARY KEY, at ${type} NOT NULL);
        CREATE INDEX t_at_idx ON t (at);
        INSERT INTO t VALUES (1, '2025-03-30 01:30:00.123');`;
      const [finding] = await checkSchemaRule(engine, preferTimestamptz, sql);
      const before = await relfilenodes(engine);
      await runSuggestedSql(engine, finding?.suggestedSql);
      expect(await relfilenodes(engine)).toEqual(before);
      expect(await checkSchemaRule(engine, preferTimestamptz, 'SELECT 1')).toEqual([]);
      const { rows } = await engine.query<{ utc: string }>(
        `SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS utc FROM t`,
      );
      expect(rows[0]?.utc).toBe('2025-03-30 01:30:00.123');
    });
  }
});
