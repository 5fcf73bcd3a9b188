import { expect, it } from 'vitest';
import { banNullableUnique } from '../../../src/rules/schema/ban-nullable-unique.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const ACCOUNTS = `CREATE TABLE accounts (id bigint PRIMARY KEY, org_id bigint NOT NULL, email text,
  parent_id bigint, name text NOT NULL, deleted_at timestamptz);`;

const valid: readonly (readonly [string, string])[] = [
  ['UNIQUE on NOT NULL columns', `${ACCOUNTS} ALTER TABLE accounts ADD UNIQUE (org_id, name);`],
  ['a primary key', 'CREATE TABLE t (a bigint, b bigint, PRIMARY KEY (a, b));'],
  [
    'NULLS NOT DISTINCT',
    `${ACCOUNTS} ALTER TABLE accounts ADD UNIQUE NULLS NOT DISTINCT (org_id, parent_id);`,
  ],
  [
    'a partial unique index on IS NOT NULL',
    `${ACCOUNTS} CREATE UNIQUE INDEX accounts_email_key ON accounts (email) WHERE email IS NOT NULL;`,
  ],
  [
    'a partial index proving the column among other conditions',
    `${ACCOUNTS} CREATE UNIQUE INDEX ON accounts (email) WHERE deleted_at IS NULL AND email IS NOT NULL;`,
  ],
  [
    'an expression key',
    `${ACCOUNTS} CREATE UNIQUE INDEX ON accounts (lower(email)) WHERE email IS NOT NULL;`,
  ],
];

const invalid: readonly (readonly [string, string, readonly string[]])[] = [
  ['UNIQUE on a nullable column', `${ACCOUNTS} ALTER TABLE accounts ADD UNIQUE (email);`, ['email']],
  [
    'a composite UNIQUE with one nullable column',
    `${ACCOUNTS} ALTER TABLE accounts ADD UNIQUE (org_id, parent_id, name);`,
    ['parent_id'],
  ],
  [
    'a unique index whose predicate does not exclude NULL',
    `${ACCOUNTS} CREATE UNIQUE INDEX ON accounts (email, parent_id) WHERE deleted_at IS NULL OR email IS NOT NULL;`,
    ['email', 'parent_id'],
  ],
];

describeSchemaRule('ban-nullable-unique', (engine) => {
  const check = (sql: string) => checkSchemaRule(engine, banNullableUnique, sql);

  for (const [name, sql] of valid) {
    it(`accepts ${name}`, async () => {
      expect(await check(sql)).toEqual([]);
    });
  }

  for (const [name, sql, columns] of invalid) {
    it(`reports ${name}, and its fix removes the finding`, async () => {
      const findings = await check(sql);
      expect(findings.map((f) => f.data?.nullableColumns)).toEqual([columns]);
      await engine.exec(findings[0]?.suggestedSql ?? '');
      expect(await check('SELECT 1')).toEqual([]);
    });
  }

  it('is right that the constraint lets duplicates in, and offers NULLS NOT DISTINCT on 15+', async () => {
    const [finding] = await check(`${ACCOUNTS} ALTER TABLE accounts ADD UNIQUE (org_id, parent_id, name);
      INSERT INTO accounts (id, org_id, name) VALUES (1, 1, 'root'), (2, 1, 'root');`);
    expect(finding?.message).toContain('accounts_org_id_parent_id_name_key');
    expect(finding?.data?.nullsNotDistinctAvailable).toBe(true);
    expect(finding?.help).toContain('NULLS NOT DISTINCT');
    // Both rows went in. Their NULL parent_id makes the recipe stop at VALIDATE, before SET NOT NULL locks anything.
    await expect(engine.exec(finding?.suggestedSql ?? '')).rejects.toThrow(/violated/);
  });

  it('judges a partitioned unique index once, through its parent', async () => {
    const findings =
      await check(`CREATE TABLE events (id bigint, at date, ref text, UNIQUE (ref, at)) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`);
    expect(findings.map((f) => [f.data?.table, f.data?.nullableColumns])).toEqual([
      ['public.events', ['ref', 'at']],
    ]);
  });
});
