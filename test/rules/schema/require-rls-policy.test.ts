import { expect, it } from 'vitest';
import { readCatalog } from '../../../src/catalog/read-catalog.js';
import { runSchemaRules } from '../../../src/check/schema-analysis.js';
import { resolveRuleSettings } from '../../../src/config/rule-settings.js';
import { requireRlsPolicy } from '../../../src/rules/schema/require-rls-policy.js';
import { uniqueName } from '../../support/engines.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const NOTES = 'CREATE TABLE notes (id bigint PRIMARY KEY, owner_id bigint NOT NULL, body text);';
const RLS_ON = `${NOTES} ALTER TABLE notes ENABLE ROW LEVEL SECURITY;`;
const POLICY = `CREATE POLICY notes_owner ON notes USING (owner_id = current_setting('app.user_id')::bigint);`;

describeSchemaRule('require-rls-policy', (engine) => {
  const check = (sql: string) => checkSchemaRule(engine, requireRlsPolicy, sql);

  it('accepts RLS with a policy, and a table with neither', async () => {
    expect(await check(`${RLS_ON} ${POLICY} CREATE TABLE tags (id bigint PRIMARY KEY);`)).toEqual([]);
  });

  it('warns about RLS with no policy, and its explicit deny-all policy removes the finding', async () => {
    const findings = await check(RLS_ON);
    expect(findings.map((f) => [f.severity, f.data])).toEqual([
      ['warning', { table: 'public.notes', rowSecurity: true, forced: false, policies: [] }],
    ]);
    expect(findings[0]?.message).toContain('every role but the owner');
    await engine.exec(findings[0]?.suggestedSql ?? '');
    expect(await check('SELECT 1')).toEqual([]);
  });

  it('says FORCE ROW LEVEL SECURITY denies the owner too', async () => {
    const [finding] = await check(`${RLS_ON} ALTER TABLE notes FORCE ROW LEVEL SECURITY;`);
    expect(finding?.message).toContain('the owner included');
  });

  it('reports policies on a table whose RLS is off as an error, and its fix enables RLS', async () => {
    const findings = await check(
      `${NOTES} ${POLICY} CREATE POLICY notes_read ON notes FOR SELECT USING (true);`,
    );
    expect(findings.map((f) => [f.severity, f.data?.policies])).toEqual([
      ['error', ['notes_owner', 'notes_read']],
    ]);
    await engine.exec(findings[0]?.suggestedSql ?? '');
    expect(await check('SELECT 1')).toEqual([]);
  });

  it('is right that the policy is ignored while RLS is off, and applies once it is on', async () => {
    // Roles are cluster-wide and other test files share the server: a name of its own.
    const reader = uniqueName('pgvigil_rls_reader');
    await engine.exec(`${NOTES} ${POLICY} INSERT INTO notes VALUES (1, 1, 'a'), (2, 2, 'b');
      CREATE ROLE ${reader}; GRANT USAGE ON SCHEMA public TO ${reader}; GRANT SELECT ON notes TO ${reader};`);
    try {
      const visible = () =>
        engine.transaction(
          async (tx) => {
            await tx.exec(`SET LOCAL ROLE ${reader}; SET LOCAL app.user_id = '1'`);
            return (await tx.query('SELECT id FROM notes')).rows.length;
          },
          { rollback: true },
        );
      expect(await visible()).toBe(2);
      await engine.exec('ALTER TABLE notes ENABLE ROW LEVEL SECURITY');
      expect(await visible()).toBe(1);
    } finally {
      await engine.exec(`DROP OWNED BY ${reader}; DROP ROLE ${reader};`);
    }
  });

  it('lets a severity set in the config win over the per-finding one', async () => {
    await engine.exec(RLS_ON);
    const catalog = await readCatalog(engine);
    const run = (rules: Record<string, 'error' | 'warning' | 'info'>) =>
      runSchemaRules(
        [requireRlsPolicy],
        resolveRuleSettings({ rules }, [requireRlsPolicy.meta]),
        catalog,
        () => undefined,
      ).map((d) => d.severity);
    expect(run({})).toEqual(['warning']);
    expect(run({ 'require-rls-policy': 'info' })).toEqual(['info']);
  });
});
