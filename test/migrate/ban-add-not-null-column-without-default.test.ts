import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkWithRule, ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-add-not-null-column-without-default';
const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

describeSchemaRule(RULE, (engine) => {
  it('claims the failure PostgreSQL reports on a table with rows, with the add-with-default fix', async () => {
    const diagnostics = await checkWithRule(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_add.up.sql': 'ALTER TABLE posts ADD COLUMN score int NOT NULL;\n',
    });
    expect(diagnostics.map((d) => [d.rule, d.data?.column, d.data?.refused])).toEqual([
      [RULE, 'score', true],
    ]);
    expect(diagnostics[0]?.message).toContain('contains null values');
    const fix = (diagnostics[0]?.suggestedSql ?? '').split('\n')[0]?.replace('<value>', '0') ?? '';
    expect(fix).toBe('ALTER TABLE posts ADD COLUMN score int NOT NULL DEFAULT 0;');
    await engine.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const after = await checkWithRule(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_add.up.sql': `${fix}\n`,
    });
    expect(after).toEqual([]);
  });

  it('reports it on an existing table it succeeds on (no rows: a partitioned parent), for old writers', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql':
        'CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\n',
      'migrations/000001_add.up.sql': 'ALTER TABLE events ADD COLUMN kind text NOT NULL;\n',
    });
    expect(found.map((d) => [d.data?.table, d.data?.refused])).toEqual([['public.events', false]]);
    expect(found[0]?.message).toContain('each such INSERT fails');
  });

  it('leaves alone defaults, identity columns, nullable columns and new tables; other NOT NULL failures stay generic', async () => {
    const diagnostics = await checkWithRule(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_ok.up.sql': [
        "ALTER TABLE posts ADD COLUMN a text NOT NULL DEFAULT '';",
        'ALTER TABLE posts ADD COLUMN b bigint GENERATED ALWAYS AS IDENTITY NOT NULL;',
        'ALTER TABLE posts ADD COLUMN c int;',
        'CREATE TABLE tags (id bigint PRIMARY KEY);',
        'ALTER TABLE tags ADD COLUMN d int NOT NULL;',
        '',
      ].join('\n'),
      'migrations/000002_nulls.up.sql': 'ALTER TABLE posts ALTER COLUMN c SET NOT NULL;\n',
    });
    expect(diagnostics.filter((d) => d.rule === RULE)).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toContain('statement-failed');
  });
});
