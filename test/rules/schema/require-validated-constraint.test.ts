import { expect, it } from 'vitest';
import { requireValidatedConstraint } from '../../../src/rules/schema/require-validated-constraint.js';
import { checkSchemaRule, describeSchemaRule, resetPublicSchema } from '../support/schema-rule-harness.js';

const TABLES = `CREATE TABLE users (id bigint PRIMARY KEY);
  CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint, total numeric);
  CREATE INDEX orders_user_id_idx ON orders (user_id);
  INSERT INTO users VALUES (1); INSERT INTO orders VALUES (1, 1, 10), (2, NULL, 5);`;
const CHECK_NOT_VALID = `${TABLES} ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total > 0) NOT VALID;`;
const FK_NOT_VALID = `${TABLES} ALTER TABLE orders ADD CONSTRAINT orders_user_id_fkey
  FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;`;

describeSchemaRule('require-validated-constraint', (engine) => {
  const check = (sql: string) => checkSchemaRule(engine, requireValidatedConstraint, sql);

  it('accepts constraints added valid, and NOT VALID ones validated later', async () => {
    expect(
      await check(`${TABLES} ALTER TABLE orders ADD CHECK (total > 0);
        ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;
        ALTER TABLE orders VALIDATE CONSTRAINT orders_user_id_fkey;`),
    ).toEqual([]);
  });

  for (const [kind, sql, constraint] of [
    ['check', CHECK_NOT_VALID, 'orders_total_check'],
    ['foreign key', FK_NOT_VALID, 'orders_user_id_fkey'],
  ] as const) {
    it(`reports a NOT VALID ${kind}, and its fix validates it`, async () => {
      const findings = await check(sql);
      expect(findings.map((f) => f.data)).toEqual([
        { table: 'public.orders', constraint, kind, columns: [kind === 'check' ? 'total' : 'user_id'] },
      ]);
      expect(findings[0]?.help).toContain('SHARE UPDATE EXCLUSIVE');
      expect(findings[0]?.suggestedSql).toContain(`VALIDATE CONSTRAINT ${constraint};`);
      await engine.exec(findings[0]?.suggestedSql ?? '');
      expect(await check('SELECT 1')).toEqual([]);
    });
  }

  it('lists exactly the rows that would make VALIDATE fail', async () => {
    const bad = 'INSERT INTO orders VALUES (3, 42, -1);';
    for (const sql of [CHECK_NOT_VALID, FK_NOT_VALID]) {
      await resetPublicSchema(engine);
      // The bad row is there before the constraint: NOT VALID checks only rows written after it.
      const [finding] = await check(sql.replace(TABLES, `${TABLES} ${bad}`));
      const lines = finding?.suggestedSql?.split('\n') ?? [];
      const query = lines.slice(1, -1).join('\n').replace(/;$/, '');
      const { rows } = await engine.query<{ id: string | number }>(query);
      // Order 2 (NULL user_id, total 5) passes both: a MATCH SIMPLE key does not check a NULL key.
      expect(rows.map((row) => Number(row.id))).toEqual([3]);
      await expect(engine.exec(finding?.suggestedSql ?? '')).rejects.toThrow(/violate/);
    }
  });
});
