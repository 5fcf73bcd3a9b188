import { expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { runVerify } from '../../src/verify/run-verify.js';
import { corpusPath } from '../support/corpus.js';

const KRATOS = corpusPath('migrations/kratos');

// Three findings checked by hand against the files (see the verify report in the session notes).
const HAND_CHECKED = [
  // The down is empty on purpose: the column stays text.
  [
    '20191100000011000000_courier_body_type.postgres.down.sql',
    'column public.courier_messages.body is text after down, was character varying(255)',
  ],
  // The down repeats the up's DROP NOT NULL instead of SET NOT NULL.
  [
    '20191100000010000000_errors.postgres.down.sql',
    'after down, column public.selfservice_errors.seen_at: NOT NULL was removed',
  ],
  // Downs shifted by one: this down drops the table the previous up created.
  [
    '20191100000001000002_identities.postgres.down.sql',
    'PostgreSQL rejected this statement: table "identity_credentials" does not exist',
  ],
] as const;

it('verifies all 346 Kratos migrations (pop, empty downs on purpose) without crashing', {
  timeout: 900_000,
}, async () => {
  const { migrations, diagnostics: problems } = await loadMigrations(KRATOS);
  expect(migrations).toHaveLength(346);
  expect(problems).toEqual([]);
  const result = await runVerify({
    schemaFiles: [],
    migrations,
    settings: resolveRuleSettings({ rules: {} } as never, allRuleMetas),
  });
  const rules = new Set(result.diagnostics.map((d) => d.rule));
  expect([...rules].sort()).toEqual(['reversibility', 'statement-failed']);
  for (const d of result.diagnostics) {
    expect(d.file?.startsWith(KRATOS)).toBe(true);
    expect(d.line).toBeGreaterThan(0);
  }
  const said = result.diagnostics.map((d) => [d.file?.slice(KRATOS.length + 1), d.message]);
  for (const finding of HAND_CHECKED) expect(said).toContainEqual(finding);
});
