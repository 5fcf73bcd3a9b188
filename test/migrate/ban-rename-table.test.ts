import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-rename-table';
const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

describeSchemaRule(RULE, (engine) => {
  it('reports an existing table renamed, with a view under the old name that old code can still write through', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_rename.up.sql': 'ALTER TABLE posts RENAME TO articles;\n',
    });
    expect(found.map((d) => [d.data?.table, d.data?.newName])).toEqual([['public.posts', 'public.articles']]);
    // The recipe runs, and old code's INSERT through the view lands in the renamed table.
    await engine.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await engine.exec(SCHEMA);
    await engine.exec(found[0]?.suggestedSql ?? '');
    await engine.exec("INSERT INTO posts (id, title) VALUES (1, 'old code')");
    const { rows } = await engine.query<{ title: string }>('SELECT title FROM articles');
    expect(rows).toEqual([{ title: 'old code' }]);
  });

  it('is satisfied by its own fix: a view under the old name later in the same migration', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_rename.up.sql':
        'ALTER TABLE posts RENAME TO articles;\nCREATE VIEW public.posts AS SELECT * FROM articles;\n',
    });
    expect(found).toEqual([]);
  });

  it('still reports the rename when the view under the old name lives in another schema', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': `${SCHEMA}CREATE SCHEMA legacy;\n`,
      'migrations/000001_rename.up.sql':
        'ALTER TABLE posts RENAME TO articles;\nCREATE VIEW legacy.posts AS SELECT * FROM articles;\n',
    });
    expect(found.map((d) => d.data?.table)).toEqual(['public.posts']);
  });

  it('leaves alone a table created in the same migration', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY);\nALTER TABLE tags RENAME TO labels;\n',
    });
    expect(found).toEqual([]);
  });
});
