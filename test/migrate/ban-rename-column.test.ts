import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-rename-column';
const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

describeSchemaRule(RULE, (engine) => {
  it('reports a column of an existing table renamed, with the expand and contract steps', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_rename.up.sql': 'ALTER TABLE posts RENAME COLUMN title TO headline;\n',
    });
    expect(found.map((d) => [d.data?.table, d.data?.column, d.data?.newName])).toEqual([
      ['public.posts', 'title', 'headline'],
    ]);
    expect(found[0]?.suggestedSql).toContain('ADD COLUMN headline');
  });

  it('leaves alone a rename in a table created by the same migration', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY, name text);\nALTER TABLE tags RENAME COLUMN name TO label;\n',
    });
    expect(found).toEqual([]);
  });
});
