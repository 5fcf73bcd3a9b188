import { expect, it } from 'vitest';
import { requirePrimaryKey } from '../../../src/rules/schema/require-primary-key.js';
import { relfilenodes, runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const PARTITIONED = `CREATE TABLE e (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
  CREATE TABLE e_2025 PARTITION OF e FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`;

describeSchemaRule('require-primary-key', (engine) => {
  it('accepts tables with a primary key, partitions through their parent, and views', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY);
      CREATE TABLE e (id bigint, at date, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
      CREATE TABLE e_2025 PARTITION OF e FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE VIEW v AS SELECT 1 AS x;`;
    expect(await checkSchemaRule(engine, requirePrimaryKey, sql)).toEqual([]);
  });

  it('judges a partitioned table once, through its parent', async () => {
    const findings = await checkSchemaRule(engine, requirePrimaryKey, PARTITIONED);
    expect(findings.map((f) => f.data?.table)).toEqual(['public.e']);
    expect(findings[0]?.suggestedSql).toContain('RANGE (at)');
  });

  it('names a unique NOT NULL candidate and promotes it without building an index', async () => {
    const sql = `CREATE TABLE t (code text NOT NULL, n int, other text);
      CREATE UNIQUE INDEX t_code_key ON t (code);
      CREATE UNIQUE INDEX t_n_key ON t (n);
      CREATE UNIQUE INDEX t_other_key ON t (other) WHERE other <> '';
      INSERT INTO t VALUES ('a', 1, 'x'), ('b', 2, 'y');`;
    const [finding] = await checkSchemaRule(engine, requirePrimaryKey, sql);
    // n is nullable and other's index is partial: only code qualifies.
    expect(finding?.data?.candidateIndex).toBe('public.t_code_key');
    expect(finding?.message).toContain('public.t_code_key');
    const before = await relfilenodes(engine);
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await relfilenodes(engine)).toEqual(before);
    expect(await checkSchemaRule(engine, requirePrimaryKey, 'SELECT 1')).toEqual([]);
  });

  it('builds a twin index when the candidate backs a UNIQUE constraint (USING INDEX refuses it)', async () => {
    const sql = "CREATE TABLE t (code text NOT NULL UNIQUE); INSERT INTO t VALUES ('a');";
    const [finding] = await checkSchemaRule(engine, requirePrimaryKey, sql);
    expect(finding?.suggestedSql).toContain('CREATE UNIQUE INDEX CONCURRENTLY');
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await checkSchemaRule(engine, requirePrimaryKey, 'SELECT 1')).toEqual([]);
  });

  it('proves adding an identity key in one statement rewrites the table', async () => {
    await engine.exec("CREATE TABLE t (v text); INSERT INTO t VALUES ('a');");
    const before = await relfilenodes(engine);
    await engine.exec('ALTER TABLE t ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY');
    expect((await relfilenodes(engine)).t).not.toBe(before.t);
  });

  it('without a candidate, adds a bigint identity key with no rewrite', async () => {
    const sql = `CREATE TABLE t (id text, v text);
      INSERT INTO t SELECT 'x', g::text FROM generate_series(1, 30) g;`;
    const [finding] = await checkSchemaRule(engine, requirePrimaryKey, sql);
    expect(finding?.data?.candidateIndex).toBeUndefined();
    const before = await relfilenodes(engine);
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await relfilenodes(engine)).toEqual(before);
    expect(await checkSchemaRule(engine, requirePrimaryKey, 'SELECT 1')).toEqual([]);
    // "id" was taken: the key is t_id, every old row numbered, new rows carry on.
    const { rows } = await engine.query<{ k: string; n: string }>(
      `INSERT INTO t (v) VALUES ('new') RETURNING t_id::text AS k, (SELECT count(DISTINCT t_id) FROM t)::text AS n`,
    );
    expect(rows[0]).toEqual({ k: '31', n: '30' });
  });
});
