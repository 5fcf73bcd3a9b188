import { expect, it } from 'vitest';
import { banCharType } from '../../../src/rules/schema/ban-char-type.js';
import { relfilenodes, runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

describeSchemaRule('ban-char-type', (engine) => {
  it('accepts text, varchar, character(1), unlimited bpchar and "char"', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, a text, b varchar(20), c char(1), d bpchar, e "char");`;
    expect(await checkSchemaRule(engine, banCharType, sql)).toEqual([]);
  });

  it('reports character(n) and its arrays', async () => {
    const sql = 'CREATE TABLE t (id bigint PRIMARY KEY, code char(3), codes character(2)[]);';
    const findings = await checkSchemaRule(engine, banCharType, sql);
    expect(findings.map((f) => [f.data?.column, f.data?.length])).toEqual([
      ['code', 3],
      ['codes', 2],
    ]);
  });

  it('shows in pg_cast why TYPE text rewrites: character → text is a function cast', async () => {
    const { rows } = await engine.query<{ method: string }>(
      `SELECT castmethod::text AS method FROM pg_cast WHERE castsource = 'bpchar'::regtype AND casttarget = 'text'::regtype`,
    );
    expect(rows).toEqual([{ method: 'f' }]);
    await engine.exec(`CREATE TABLE r (c char(5)); INSERT INTO r VALUES ('ab');`);
    const before = await relfilenodes(engine);
    await engine.exec('ALTER TABLE r ALTER COLUMN c TYPE text');
    expect((await relfilenodes(engine)).r).not.toBe(before.r);
  });

  it('converts with the recipe, without a rewrite, trimming the padding', async () => {
    const sql = `CREATE TABLE t (id bigint PRIMARY KEY, code char(5) NOT NULL);
      CREATE INDEX t_code_idx ON t (code);
      INSERT INTO t VALUES (1, 'ab');`;
    const [finding] = await checkSchemaRule(engine, banCharType, sql);
    expect(finding?.suggestedSql).toContain('-- Rebuild public.t_code_idx on code_new');
    const before = await relfilenodes(engine);
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await relfilenodes(engine)).toEqual(before);
    expect(await checkSchemaRule(engine, banCharType, 'SELECT 1')).toEqual([]);
    const { rows } = await engine.query<{ code: string }>('SELECT code FROM t');
    expect(rows).toEqual([{ code: 'ab' }]);
  });
});
