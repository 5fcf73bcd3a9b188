import { expect, it } from 'vitest';
import { preferText } from '../../../src/rules/schema/prefer-text.js';
import { relfilenodes, runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

describeSchemaRule('prefer-text', (engine) => {
  it('is opt-in', () => {
    expect(preferText.meta.enabledByDefault).toBe(false);
  });

  it('accepts text and varchar without a length', async () => {
    const sql = 'CREATE TABLE t (id bigint PRIMARY KEY, a text, b varchar);';
    expect(await checkSchemaRule(engine, preferText, sql)).toEqual([]);
  });

  it('reports varchar(n) and moves the limit to a CHECK with no rewrite and no index rebuild', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, title varchar(5));
      CREATE INDEX t_title_idx ON t (title);
      INSERT INTO t VALUES (1, 'abc');`;
    const findings = await checkSchemaRule(engine, preferText, sql);
    expect(findings.map((f) => [f.data?.column, f.data?.length])).toEqual([['title', 5]]);
    const indexNode = `SELECT relfilenode::text AS n FROM pg_class WHERE relname = 't_title_idx'`;
    const [indexBefore] = (await engine.query<{ n: string }>(indexNode)).rows;
    const before = await relfilenodes(engine);
    await runSuggestedSql(engine, findings[0]?.suggestedSql);
    expect(await relfilenodes(engine)).toEqual(before);
    expect((await engine.query<{ n: string }>(indexNode)).rows).toEqual([indexBefore]);
    expect(await checkSchemaRule(engine, preferText, 'SELECT 1')).toEqual([]);
    await expect(engine.exec(`INSERT INTO t VALUES (2, 'abcdef')`)).rejects.toThrow(/t_title_length/);
  });
});
