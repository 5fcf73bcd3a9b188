import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';
import { checkRecipe } from './support/recipe-project.js';

const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text, body text);\n';
const RULE = 'ban-set-not-null-scan';

describeSchemaRule(RULE, (engine) => {
  it('reports SET NOT NULL that scans an existing table, and its recipe runs without a finding', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_nn.up.sql': 'ALTER TABLE posts ALTER COLUMN title SET NOT NULL;\n',
    });
    expect(diagnostics.map((d) => d.rule)).toEqual([RULE]);
    expect(diagnostics[0]?.data).toMatchObject({
      table: 'public.posts',
      lock: 'AccessExclusiveLock',
      columns: ['title'],
    });
    expect(Number(diagnostics[0]?.data?.rowsRead)).toBeGreaterThan(0);
    const recipe = diagnostics[0]?.suggestedSql;
    expect(recipe).toContain('CHECK (title IS NOT NULL) NOT VALID;');
    expect((await checkRecipe(engine, SCHEMA, recipe)).map((d) => d.rule)).toEqual([]);
  });

  it('leaves alone SET NOT NULL after a validated CHECK (col IS NOT NULL): PostgreSQL skips the scan', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': `${SCHEMA}ALTER TABLE posts ADD CONSTRAINT title_nn CHECK (title IS NOT NULL);\n`,
      'migrations/000001_nn.up.sql': 'ALTER TABLE posts ALTER COLUMN title SET NOT NULL;\n',
    });
    expect(diagnostics.map((d) => d.rule)).toEqual([]);
  });

  it('still reports it when the CHECK is NOT VALID (the scan happens)', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_check.up.sql':
        'ALTER TABLE posts ADD CONSTRAINT title_nn CHECK (title IS NOT NULL) NOT VALID;\n',
      'migrations/000002_nn.up.sql': 'ALTER TABLE posts ALTER COLUMN title SET NOT NULL;\n',
    });
    expect(diagnostics.filter((d) => d.rule === RULE).map((d) => d.file)).toEqual([
      expect.stringContaining('000002_nn.up.sql'),
    ]);
  });

  it('leaves alone SET NOT NULL on a table created in the same migration, and reports both columns of one ALTER in a transaction', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY, name text);\nALTER TABLE tags ALTER COLUMN name SET NOT NULL;\n',
      'migrations/000002_both.up.sql':
        'ALTER TABLE posts ALTER COLUMN title SET NOT NULL, ALTER COLUMN body SET NOT NULL;\n',
    });
    const findings = diagnostics.filter((d) => d.rule === RULE);
    expect(findings.map((d) => d.data?.columns)).toEqual([['title', 'body']]);
  });
});
