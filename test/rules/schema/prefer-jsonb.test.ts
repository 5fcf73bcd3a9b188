import { expect, it } from 'vitest';
import { preferJsonb } from '../../../src/rules/schema/prefer-jsonb.js';
import { relfilenodes, runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

describeSchemaRule('prefer-jsonb', (engine) => {
  it('accepts jsonb, text named json, and json in a view', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, doc jsonb, key_json text);
      CREATE VIEW v AS SELECT doc::json AS doc FROM t;`;
    expect(await checkSchemaRule(engine, preferJsonb, sql)).toEqual([]);
  });

  it('reports json and json[] columns', async () => {
    const sql = 'CREATE TABLE t (id bigint PRIMARY KEY, doc json, docs json[]);';
    const findings = await checkSchemaRule(engine, preferJsonb, sql);
    expect(findings.map((f) => [f.data?.column, f.data?.type])).toEqual([
      ['doc', 'json'],
      ['docs', 'json[]'],
    ]);
  });

  it('proves the in-place change rewrites, and the recipe converts without a rewrite', async () => {
    await engine.exec(`CREATE TABLE r (doc json); INSERT INTO r VALUES ('{"a": 1}');`);
    const first = await relfilenodes(engine);
    await engine.exec('ALTER TABLE r ALTER COLUMN doc TYPE jsonb');
    expect((await relfilenodes(engine)).r).not.toBe(first.r);

    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, doc json NOT NULL DEFAULT '{}');
      CREATE INDEX t_doc_idx ON t ((doc->>'k'));
      INSERT INTO t SELECT g, json_build_object('k', g) FROM generate_series(1, 20) g;`;
    const [finding] = await checkSchemaRule(engine, preferJsonb, sql);
    const before = await relfilenodes(engine);
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect((await relfilenodes(engine)).t).toBe(before.t);
    expect(await checkSchemaRule(engine, preferJsonb, 'SELECT 1')).toEqual([]);
    const { rows } = await engine.query<{ n: string; d: string }>(
      `INSERT INTO t (id) VALUES (21) RETURNING (SELECT count(*) FROM t WHERE doc @> '{"k": 7}')::text AS n, doc::text AS d`,
    );
    expect(rows[0]).toEqual({ n: '1', d: '{}' });
  });
});
