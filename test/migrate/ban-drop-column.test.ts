import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-drop-column';
const SCHEMA = 'CREATE SCHEMA app;\nCREATE TABLE app.posts (id bigint PRIMARY KEY, title text, body text);\n';

describeSchemaRule(RULE, (engine) => {
  it('reports each column dropped from an existing table, found through search_path', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_drop.up.sql':
        'SET search_path = app;\nALTER TABLE posts DROP COLUMN title, DROP COLUMN body;\n',
    });
    expect(found.map((d) => [d.line, d.data?.table, d.data?.column])).toEqual([
      [2, 'app.posts', 'title'],
      [2, 'app.posts', 'body'],
    ]);
    expect(found[0]?.suggestedSql).toContain('ALTER TABLE app.posts DROP COLUMN title;');
  });

  it('leaves alone columns of a table created in the same migration', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        'CREATE TABLE app.tags (id bigint PRIMARY KEY, name text);\nALTER TABLE app.tags DROP COLUMN name;\n',
    });
    expect(found).toEqual([]);
  });
});
