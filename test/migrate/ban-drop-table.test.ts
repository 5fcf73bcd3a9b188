import { expect, it } from 'vitest';
import { describeSchemaRule } from '../rules/support/schema-rule-harness.js';
import { ruleLines } from './support/rule-diagnostics.js';

const RULE = 'ban-drop-table';
const SCHEMA =
  "CREATE TABLE posts (id bigint PRIMARY KEY);\nCREATE TABLE events (id bigint NOT NULL, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);\nCREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\n";

describeSchemaRule(RULE, (engine) => {
  it('reports each existing table the statement names, not the partitions dropped with them', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_drop.up.sql': 'DROP TABLE posts, events;\n',
    });
    expect(found.map((d) => d.data?.table)).toEqual(['public.events', 'public.posts']);
  });

  it('leaves alone a table created in the same migration and a DROP IF EXISTS of nothing', async () => {
    const found = await ruleLines(engine, RULE, {
      'schema.sql': SCHEMA,
      'migrations/000001_new.up.sql':
        'CREATE TABLE tags (id bigint PRIMARY KEY);\nDROP TABLE tags;\nDROP TABLE IF EXISTS nosuch;\n',
    });
    expect(found).toEqual([]);
  });
});
