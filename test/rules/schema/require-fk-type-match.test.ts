import { expect, it } from 'vitest';
import { requireFkTypeMatch } from '../../../src/rules/schema/require-fk-type-match.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const child = (type: string, parentKey = 'bigint') => `CREATE TABLE parents (id ${parentKey} PRIMARY KEY);
  CREATE TABLE children (id bigint PRIMARY KEY, parent_id ${type} REFERENCES parents (id));
  CREATE INDEX children_parent_id_idx ON children (parent_id);`;

const valid: readonly (readonly [string, string])[] = [
  ['the same type', child('bigint')],
  ['a typmod-only difference', child('varchar(50)', 'varchar(100)')],
  ['numeric of another precision', child('numeric(12,2)', 'numeric(10,2)')],
  [
    'a domain over the referenced type',
    `CREATE DOMAIN parent_ref AS bigint CHECK (VALUE > 0); ${child('parent_ref')}`,
  ],
];

const invalid: readonly (readonly [string, string, string, string])[] = [
  ['integer referencing bigint', child('integer'), 'integer', 'bigint'],
  ['text referencing varchar', child('text', 'varchar(40)'), 'text', 'character varying(40)'],
  ['integer referencing numeric', child('integer', 'numeric'), 'integer', 'numeric'],
];

describeSchemaRule('require-fk-type-match', (engine) => {
  const check = (sql: string) => checkSchemaRule(engine, requireFkTypeMatch, sql);

  for (const [name, sql] of valid) {
    it(`accepts ${name}`, async () => {
      expect(await check(sql)).toEqual([]);
    });
  }

  for (const [name, sql, type, referencedType] of invalid) {
    it(`reports ${name}, and its fix removes the finding`, async () => {
      const findings = await check(sql);
      expect(findings.map((f) => f.data?.mismatches)).toEqual([
        [{ column: 'parent_id', type, referencedColumn: 'id', referencedType }],
      ]);
      expect(findings[0]?.message).toContain('children_parent_id_fkey');
      await engine.exec(findings[0]?.suggestedSql ?? '');
      expect(await check('SELECT 1')).toEqual([]);
    });
  }

  it('says an integer key referencing a bigint key caps the child', async () => {
    const [finding] = await check(child('integer'));
    expect(finding?.why).toContain('cannot hold every bigint key');
    const [text] = await check(`DROP TABLE children, parents; ${child('text', 'varchar(40)')}`);
    expect(text?.why).not.toContain('cannot hold');
  });

  it('reports a composite key once, naming only the mismatched pair, and judges partitions through their parent', async () => {
    const findings = await check(`CREATE TABLE accounts (org_id bigint, id bigint, PRIMARY KEY (org_id, id));
      CREATE TABLE entries (org_id bigint, account_id integer, at date,
        FOREIGN KEY (org_id, account_id) REFERENCES accounts) PARTITION BY RANGE (at);
      CREATE TABLE entries_2025 PARTITION OF entries FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`);
    expect(findings.map((f) => [f.data?.table, f.data?.mismatches])).toEqual([
      [
        'public.entries',
        [{ column: 'account_id', type: 'integer', referencedColumn: 'id', referencedType: 'bigint' }],
      ],
    ]);
    await engine.exec(findings[0]?.suggestedSql ?? '');
    expect(await check('SELECT 1')).toEqual([]);
  });

  it('is right that the cast defeats the child index: deleting a numeric key scans the integer column', async () => {
    await engine.exec(`${child('integer', 'numeric')}
      INSERT INTO parents SELECT g FROM generate_series(1, 2000) g;
      INSERT INTO children SELECT g, g FROM generate_series(1, 2000) g; ANALYZE children;`);
    const plan = await engine.query<{ 'QUERY PLAN': string }>(
      'EXPLAIN SELECT 1 FROM children WHERE parent_id::numeric = 5::numeric',
    );
    expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Seq Scan on children/);
  });
});
