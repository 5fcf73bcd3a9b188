import { expect, it } from 'vitest';
import { migrationRules } from '../../src/rules/registry.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';

const RULE = 'ban-enum-value-in-same-transaction';
const SCHEMA =
  "CREATE TYPE mood AS ENUM ('sad', 'ok');\nCREATE TABLE people (id bigint PRIMARY KEY, mood mood NOT NULL DEFAULT 'ok');\n";
const MIGRATION_RULES = new Set(migrationRules.map((rule) => rule.meta.id));

function rules(diagnostics: readonly { readonly rule: string }[]): string[] {
  return diagnostics.map((d) => d.rule).filter((id) => MIGRATION_RULES.has(id) || id === 'statement-failed');
}

describeSchemaRule(RULE, (engine) => {
  it('reports the statement that uses a value added earlier in the same transaction (PostgreSQL refuses it)', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_mood.up.sql':
        "ALTER TYPE mood ADD VALUE 'happy';\nALTER TABLE people ALTER COLUMN mood SET DEFAULT 'happy';\n",
    });
    expect(rules(diagnostics)).toEqual([RULE]);
    expect(diagnostics[0]?.line).toBe(2);
    expect(diagnostics[0]?.message).toContain('unsafe use of new value "happy"');
  });

  it('leaves alone ADD VALUE in a transaction of its own (PostgreSQL 12+), and the use in a later migration', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_mood.up.sql': "BEGIN;\nALTER TYPE mood ADD VALUE 'happy';\nCOMMIT;\n",
      'migrations/000002_default.up.sql': "ALTER TABLE people ALTER COLUMN mood SET DEFAULT 'happy';\n",
    });
    expect(rules(diagnostics)).toEqual([]);
  });

  it('reports it for an enum created in the same transaction too (observed: the value still cannot be used)', async () => {
    const { diagnostics } = await checkProject(engine, {
      'migrations/000001_new.up.sql':
        "CREATE TYPE color AS ENUM ('red');\nALTER TYPE color ADD VALUE 'blue';\nCREATE TABLE paints (id bigint PRIMARY KEY, c color DEFAULT 'blue');\n",
    });
    expect(rules(diagnostics)).toEqual([RULE]);
  });
});
