import { expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { checkProject } from '../support/check-project.js';
import { checkRecipe } from './support/recipe-project.js';

const SCHEMA =
  'CREATE TABLE posts (id bigint PRIMARY KEY, slug text NOT NULL, n int);\nCREATE TABLE tags (id bigint, name text);\n';
const RULE = 'require-unique-using-index';
const mine = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.rule === RULE);
const migration = (sql: string) => ({ 'schema.sql': SCHEMA, 'migrations/000001_c.up.sql': `${sql}\n` });

describeSchemaRule(RULE, (engine) => {
  it('reports ADD UNIQUE on an existing table, names the observed index, and its recipe runs clean', async () => {
    const { diagnostics } = await checkProject(engine, migration('ALTER TABLE posts ADD UNIQUE (slug);'));
    expect(mine(diagnostics)).toHaveLength(1);
    expect(mine(diagnostics)[0]?.data).toMatchObject({
      table: 'public.posts',
      lock: 'AccessExclusiveLock',
      created: ['public.posts_slug_key'],
    });
    const recipe = mine(diagnostics)[0]?.suggestedSql;
    expect(recipe).toContain('CREATE UNIQUE INDEX CONCURRENTLY posts_slug_key ON posts (slug);');
    expect(recipe).toContain(
      'ALTER TABLE posts ADD CONSTRAINT posts_slug_key UNIQUE USING INDEX posts_slug_key;',
    );
    const fixed = await checkRecipe(engine, SCHEMA, recipe);
    // tags, in the same schema, has no primary key: only the schema rule about that may speak.
    expect(fixed.filter((d) => d.rule !== 'require-primary-key').map((d) => d.rule)).toEqual([]);
  });

  it('reports ADD PRIMARY KEY on nullable columns with the NOT NULL steps first; the recipe runs clean', async () => {
    const { diagnostics } = await checkProject(engine, migration('ALTER TABLE tags ADD PRIMARY KEY (id);'));
    expect(mine(diagnostics)).toHaveLength(1);
    const recipe = mine(diagnostics)[0]?.suggestedSql;
    expect(recipe).toContain('CHECK (id IS NOT NULL) NOT VALID;');
    expect(recipe).toContain('ALTER TABLE tags ADD CONSTRAINT tags_pkey PRIMARY KEY USING INDEX tags_pkey;');
    const fixed = await checkRecipe(engine, SCHEMA, recipe);
    expect(fixed.filter((d) => d.rule !== 'require-primary-key').map((d) => d.rule)).toEqual([]);
  });

  it('reports EXCLUDE and says there is no USING INDEX form', async () => {
    const { diagnostics } = await checkProject(
      engine,
      migration('ALTER TABLE posts ADD CONSTRAINT posts_n_excl EXCLUDE USING btree (n WITH =);'),
    );
    expect(mine(diagnostics)).toHaveLength(1);
    expect(mine(diagnostics)[0]?.help).toContain('no USING INDEX form');
    expect(mine(diagnostics)[0]?.suggestedSql).toContain('maintenance window');
  });

  it('on a partitioned table, where neither CONCURRENTLY nor USING INDEX is accepted, says so', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql':
        "CREATE TABLE events (id bigint NOT NULL, at date NOT NULL, code text NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\nCREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n",
      'migrations/000001_c.up.sql': 'ALTER TABLE events ADD UNIQUE (code, at);\n',
    });
    expect(mine(diagnostics).map((d) => d.data?.table)).toEqual(['public.events']);
    expect(mine(diagnostics)[0]?.suggestedSql).toContain('public.events is partitioned');
  });

  it('leaves alone USING INDEX, and UNIQUE on a table created in the same migration', async () => {
    const { diagnostics } = await checkProject(engine, {
      'schema.sql': SCHEMA,
      'migrations/000001_index.up.sql': 'CREATE UNIQUE INDEX CONCURRENTLY posts_slug_key ON posts (slug);\n',
      'migrations/000002_constraint.up.sql':
        'ALTER TABLE posts ADD CONSTRAINT posts_slug_key UNIQUE USING INDEX posts_slug_key;\n',
      'migrations/000003_new.up.sql':
        'CREATE TABLE labels (id bigint PRIMARY KEY, name text NOT NULL);\nALTER TABLE labels ADD UNIQUE (name);\n',
    });
    expect(mine(diagnostics)).toEqual([]);
  });
});
