import { describe, expect, it } from 'vitest';
import { requireFkIndex } from '../../../src/rules/schema/require-fk-index.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const PARENT = 'CREATE TABLE users (id bigint PRIMARY KEY, org_id bigint NOT NULL, UNIQUE (org_id, id));';
const CHILD = `${PARENT}
CREATE TABLE comments (id bigint PRIMARY KEY, author_id bigint REFERENCES users (id) ON DELETE CASCADE, created_at timestamptz, body text);`;

const valid: readonly { readonly name: string; readonly sql: string }[] = [
  { name: 'a btree index on the column', sql: `${CHILD} CREATE INDEX ON comments (author_id);` },
  {
    name: 'the FK column leads a composite index',
    sql: `${CHILD} CREATE INDEX ON comments (author_id, created_at DESC);`,
  },
  { name: 'a hash index', sql: `${CHILD} CREATE INDEX ON comments USING hash (author_id);` },
  { name: 'a unique index', sql: `${CHILD} CREATE UNIQUE INDEX ON comments (author_id, id);` },
  {
    name: 'a partial index on IS NOT NULL',
    sql: `${CHILD} CREATE INDEX ON comments (author_id) WHERE author_id IS NOT NULL;`,
  },
  {
    name: 'the primary key of a join table',
    sql: `${PARENT} CREATE TABLE follows (user_id bigint REFERENCES users (id), target bigint, PRIMARY KEY (user_id, target));`,
  },
  {
    name: 'a composite FK covered in another column order',
    sql: `${PARENT} CREATE TABLE memberships (org_id bigint, user_id bigint, FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id));
      CREATE INDEX ON memberships (user_id, org_id);`,
  },
  {
    name: 'a partitioned table with an index on the parent',
    sql: `${PARENT} CREATE TABLE events (user_id bigint REFERENCES users (id), at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE INDEX ON events (user_id);`,
  },
  {
    name: 'a partitioned table whose every partition has an index',
    sql: `${PARENT} CREATE TABLE events (user_id bigint REFERENCES users (id), at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      CREATE INDEX ON events_2025 (user_id); CREATE INDEX ON events_2026 (user_id);`,
  },
];

const invalid: readonly {
  readonly name: string;
  readonly sql: string;
  readonly columns: readonly string[];
}[] = [
  { name: 'no index at all', sql: CHILD, columns: ['author_id'] },
  {
    name: 'the FK column is second in the index',
    sql: `${CHILD} CREATE INDEX ON comments (created_at, author_id);`,
    columns: ['author_id'],
  },
  {
    name: 'an expression index on the column',
    sql: `${CHILD} CREATE INDEX ON comments ((author_id + 0));`,
    columns: ['author_id'],
  },
  {
    name: 'a partial index with another predicate',
    sql: `${CHILD} CREATE INDEX ON comments (author_id) WHERE body IS NULL;`,
    columns: ['author_id'],
  },
  {
    name: 'a BRIN index',
    sql: `${CHILD} CREATE INDEX ON comments USING brin (author_id);`,
    columns: ['author_id'],
  },
  {
    name: 'a composite FK with only one of its columns indexed',
    sql: `${PARENT} CREATE TABLE memberships (org_id bigint, user_id bigint, FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id));
      CREATE INDEX ON memberships (org_id);`,
    columns: ['org_id', 'user_id'],
  },
  {
    name: 'a partitioned table with one partition unindexed',
    sql: `${PARENT} CREATE TABLE events (user_id bigint REFERENCES users (id), at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      CREATE INDEX ON events_2025 (user_id);`,
    columns: ['user_id'],
  },
];

describeSchemaRule('require-fk-index', (engine) => {
  for (const testCase of valid) {
    it(`accepts ${testCase.name}`, async () => {
      expect(await checkSchemaRule(engine, requireFkIndex, testCase.sql)).toEqual([]);
    });
  }

  for (const testCase of invalid) {
    it(`reports ${testCase.name}, and its fix removes the finding`, async () => {
      const findings = await checkSchemaRule(engine, requireFkIndex, testCase.sql);
      expect(findings).toHaveLength(1);
      const [finding] = findings;
      expect(finding?.data?.columns).toEqual(testCase.columns);
      expect(finding?.suggestedSql).toContain('CONCURRENTLY');
      // The fix is real SQL: run it statement by statement (CONCURRENTLY refuses a transaction block).
      for (const statement of (finding?.suggestedSql ?? '')
        .split('\n')
        .filter((line) => !line.startsWith('--'))) {
        await engine.exec(statement);
      }
      expect(await checkSchemaRule(engine, requireFkIndex, 'SELECT 1')).toEqual([]);
    });
  }

  it('does not count an invalid index', async () => {
    await engine.exec(
      `${CHILD} INSERT INTO users VALUES (1, 1); INSERT INTO comments VALUES (1, 1), (2, 1);`,
    );
    // A unique index that fails to build concurrently is left behind INVALID, as in production.
    await engine
      .exec('CREATE UNIQUE INDEX CONCURRENTLY comments_author_unique ON comments (author_id)')
      .catch(() => {});
    const findings = await checkSchemaRule(engine, requireFkIndex, 'SELECT 1');
    expect(findings.map((f) => f.data?.constraint)).toEqual(['comments_author_id_fkey']);
  });

  it('says what goes wrong and names the cascade', async () => {
    const [finding] = await checkSchemaRule(engine, requireFkIndex, CHILD);
    expect(finding?.message).toContain('comments_author_id_fkey');
    expect(finding?.message).toContain('public.users');
    expect(finding?.why).toContain('ON DELETE CASCADE');
    expect(finding?.suggestedSql).toBe(
      'CREATE INDEX CONCURRENTLY comments_author_id_idx ON public.comments (author_id);',
    );
  });

  it('picks an index name that is free and quotes identifiers that need it', async () => {
    const sql = `${PARENT} CREATE TABLE "Order" ("User" bigint REFERENCES users (id));
      CREATE TABLE "Order_User_idx" (id int);`;
    const [finding] = await checkSchemaRule(engine, requireFkIndex, sql);
    expect(finding?.suggestedSql).toBe(
      'CREATE INDEX CONCURRENTLY "Order_User_idx1" ON public."Order" ("User");',
    );
  });

  it('judges a partitioned foreign key once, through its parent, with the partition recipe', async () => {
    const sql = `${PARENT} CREATE TABLE events (user_id bigint REFERENCES users (id), at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');`;
    const findings = await checkSchemaRule(engine, requireFkIndex, sql);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.suggestedSql).toBe(
      [
        'CREATE INDEX events_user_id_idx ON ONLY public.events (user_id);',
        'CREATE INDEX CONCURRENTLY events_2025_user_id_idx ON public.events_2025 (user_id);',
        'ALTER INDEX public.events_user_id_idx ATTACH PARTITION public.events_2025_user_id_idx;',
      ].join('\n'),
    );
  });
});

describe('require-fk-index meta', () => {
  it('is documented under its own id', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(new URL('../../../docs/rules/require-fk-index.md', import.meta.url), 'utf8');
    expect(page.startsWith(`# ${requireFkIndex.meta.id}\n`)).toBe(true);
  });
});
