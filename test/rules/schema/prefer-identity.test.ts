import { expect, it } from 'vitest';
import { preferIdentity } from '../../../src/rules/schema/prefer-identity.js';
import { relfilenodes, runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const valid = [
  { name: 'an identity column', sql: 'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY);' },
  {
    name: 'a default from a sequence the column does not own (it may be shared)',
    sql: "CREATE SEQUENCE ids; CREATE TABLE t (id bigint PRIMARY KEY DEFAULT nextval('ids'));",
  },
  { name: 'a plain bigint key', sql: 'CREATE TABLE t (id bigint PRIMARY KEY);' },
];

describeSchemaRule('prefer-identity', (engine) => {
  for (const testCase of valid) {
    it(`accepts ${testCase.name}`, async () => {
      expect(await checkSchemaRule(engine, preferIdentity, testCase.sql)).toEqual([]);
    });
  }

  it('reports bigserial and serial columns, and a sequence made serial with OWNED BY', async () => {
    const sql = `CREATE TABLE a (id bigserial PRIMARY KEY); CREATE TABLE b (id bigint PRIMARY KEY, n serial);
      CREATE SEQUENCE c_id_seq; CREATE TABLE c (id bigint PRIMARY KEY DEFAULT nextval('c_id_seq'));
      ALTER SEQUENCE c_id_seq OWNED BY c.id;`;
    const findings = await checkSchemaRule(engine, preferIdentity, sql);
    expect(findings.map((f) => [f.data?.table, f.data?.column, f.data?.sequence])).toEqual([
      ['public.a', 'id', 'public.a_id_seq'],
      ['public.b', 'n', 'public.b_n_seq'],
      ['public.c', 'id', 'public.c_id_seq'],
    ]);
  });

  it('converts in place: no rewrite, the identity carries on from the old sequence under its name', async () => {
    const sql = `CREATE TABLE t (id bigserial PRIMARY KEY, v text);
      INSERT INTO t (v) SELECT g::text FROM generate_series(1, 20) g;`;
    const [finding] = await checkSchemaRule(engine, preferIdentity, sql);
    const before = await relfilenodes(engine);
    await runSuggestedSql(engine, finding?.suggestedSql);
    expect(await relfilenodes(engine)).toEqual(before);
    expect(await checkSchemaRule(engine, preferIdentity, 'SELECT 1')).toEqual([]);
    const { rows } = await engine.query<{ id: string; seq: string; identity: string }>(
      `INSERT INTO t (v) VALUES ('new') RETURNING id::text, pg_get_serial_sequence('public.t', 'id') AS seq,
        (SELECT attidentity::text FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'id') AS identity`,
    );
    expect(rows[0]).toEqual({ id: '21', seq: 'public.t_id_seq', identity: 'd' });
  });
});
