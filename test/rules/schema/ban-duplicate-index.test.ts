import { describe, expect, it } from 'vitest';
import { banDuplicateIndex } from '../../../src/rules/schema/ban-duplicate-index.js';
import { runSuggestedSql } from '../support/run-suggested-sql.js';
import { checkSchemaRule, describeSchemaRule } from '../support/schema-rule-harness.js';

const USERS =
  'CREATE TABLE users (id bigint PRIMARY KEY, org_id bigint NOT NULL, email text NOT NULL, name text, created_at timestamptz);';

const valid: readonly { readonly name: string; readonly sql: string }[] = [
  {
    name: 'one index per shape',
    sql: `${USERS} CREATE INDEX ON users (email); CREATE INDEX ON users (org_id);`,
  },
  {
    name: 'opposite directions (ban-redundant-index judges those)',
    sql: `${USERS} CREATE INDEX a ON users (email); CREATE INDEX b ON users (email DESC);`,
  },
  {
    name: 'a unique and a plain index on the same keys (ban-redundant-index judges those)',
    sql: `${USERS} CREATE UNIQUE INDEX a ON users (email); CREATE INDEX b ON users (email);`,
  },
  {
    name: 'different predicates',
    sql: `${USERS} CREATE INDEX a ON users (email); CREATE INDEX b ON users (email) WHERE name IS NULL;`,
  },
  {
    name: 'different INCLUDE columns',
    sql: `${USERS} CREATE INDEX a ON users (email) INCLUDE (name); CREATE INDEX b ON users (email);`,
  },
  {
    name: 'a different opclass',
    sql: `${USERS} CREATE INDEX a ON users (email); CREATE INDEX b ON users (email text_pattern_ops);`,
  },
  {
    name: 'a different collation',
    sql: `${USERS} CREATE INDEX a ON users (email); CREATE INDEX b ON users (email COLLATE "C");`,
  },
  {
    name: 'another method',
    sql: `${USERS} CREATE INDEX a ON users (email); CREATE INDEX b ON users USING hash (email);`,
  },
  {
    name: 'the same columns in another order',
    sql: `${USERS} CREATE INDEX a ON users (org_id, email); CREATE INDEX b ON users (email, org_id);`,
  },
  {
    name: 'UNIQUE and UNIQUE NULLS NOT DISTINCT',
    sql: `${USERS} CREATE UNIQUE INDEX a ON users (name); CREATE UNIQUE INDEX b ON users (name) NULLS NOT DISTINCT;`,
  },
];

const invalid: readonly {
  readonly name: string;
  readonly sql: string;
  readonly extra: string;
  readonly keep: string;
}[] = [
  {
    name: 'two plain indexes under different names: the older is kept',
    sql: `${USERS} CREATE INDEX users_email_idx ON users (email); CREATE INDEX users_by_email ON users (email);`,
    extra: 'public.users_by_email',
    keep: 'public.users_email_idx',
  },
  {
    name: 'a unique index repeating the primary key: the key wins however old',
    sql: 'CREATE TABLE t (id bigint); CREATE UNIQUE INDEX t_id_uniq ON t (id); ALTER TABLE t ADD PRIMARY KEY (id);',
    extra: 'public.t_id_uniq',
    keep: 'public.t_pkey',
  },
  {
    name: 'INCLUDE columns listed in another order, same predicate and direction',
    sql: `${USERS} CREATE INDEX a ON users (email DESC NULLS LAST) INCLUDE (name, org_id) WHERE created_at IS NOT NULL;
      CREATE INDEX b ON users (email DESC NULLS LAST) INCLUDE (org_id, name) WHERE created_at IS NOT NULL;`,
    extra: 'public.b',
    keep: 'public.a',
  },
  {
    name: 'two expression indexes',
    sql: `${USERS} CREATE INDEX a ON users (lower(email)); CREATE INDEX b ON users (lower(email));`,
    extra: 'public.b',
    keep: 'public.a',
  },
  {
    name: 'a partition index duplicating the one attached to the parent index (which cannot be dropped alone)',
    sql: `CREATE TABLE events (id bigint, at date, kind text) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE INDEX events_kind_idx ON events (kind);
      CREATE INDEX events_2025_kind_local ON events_2025 (kind);`,
    extra: 'public.events_2025_kind_local',
    keep: 'public.events_2025_kind_idx',
  },
];

describeSchemaRule('ban-duplicate-index', (engine) => {
  for (const testCase of valid) {
    it(`accepts ${testCase.name}`, async () => {
      expect(await checkSchemaRule(engine, banDuplicateIndex, testCase.sql)).toEqual([]);
    });
  }

  for (const testCase of invalid) {
    it(`reports ${testCase.name}, and its fix removes the finding`, async () => {
      const findings = await checkSchemaRule(engine, banDuplicateIndex, testCase.sql);
      expect(findings.map((f) => [f.data?.index, f.data?.duplicateOf])).toEqual([
        [testCase.extra, testCase.keep],
      ]);
      expect(findings[0]?.help).toContain(`Keep ${testCase.keep}`);
      await runSuggestedSql(engine, findings[0]?.suggestedSql);
      expect(await checkSchemaRule(engine, banDuplicateIndex, 'SELECT 1')).toEqual([]);
    });
  }

  it('drops a plain duplicate concurrently and names both indexes', async () => {
    const sql = `${USERS} CREATE INDEX users_email_idx ON users (email); CREATE INDEX "Users By Email" ON users (email);`;
    const [finding] = await checkSchemaRule(engine, banDuplicateIndex, sql);
    expect(finding?.suggestedSql).toBe('DROP INDEX CONCURRENTLY public."Users By Email";');
    expect(finding?.message).toContain('public.users_email_idx');
    expect(finding?.why).toContain('shared_buffers');
  });

  it('reports each extra copy once', async () => {
    const sql = `${USERS} CREATE INDEX a ON users (org_id); CREATE INDEX b ON users (org_id); CREATE INDEX c ON users (org_id);`;
    const findings = await checkSchemaRule(engine, banDuplicateIndex, sql);
    expect(findings.map((f) => [f.data?.index, f.data?.duplicateOf])).toEqual([
      ['public.b', 'public.a'],
      ['public.c', 'public.a'],
    ]);
  });

  it('drops a duplicate constraint with its constraint', async () => {
    const sql = `${USERS} ALTER TABLE users ADD CONSTRAINT users_id_key UNIQUE (id);`;
    const findings = await checkSchemaRule(engine, banDuplicateIndex, sql);
    expect(findings.map((f) => f.data?.index)).toEqual(['public.users_id_key']);
    expect(findings[0]?.suggestedSql).toContain('ALTER TABLE public.users DROP CONSTRAINT users_id_key;');
    await runSuggestedSql(engine, findings[0]?.suggestedSql);
    expect(await checkSchemaRule(engine, banDuplicateIndex, 'SELECT 1')).toEqual([]);
  });

  it('judges duplicates on a partitioned table once, at the parent, without CONCURRENTLY', async () => {
    const sql = `CREATE TABLE events (id bigint, at date, kind text) PARTITION BY RANGE (at);
      CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
      CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
      CREATE INDEX events_kind_idx ON events (kind); CREATE INDEX events_kind_copy ON events (kind);`;
    const findings = await checkSchemaRule(engine, banDuplicateIndex, sql);
    expect(findings.map((f) => f.data?.index)).toEqual(['public.events_kind_copy']);
    expect(findings[0]?.suggestedSql).toBe(
      ["SET lock_timeout = '5s';", 'DROP INDEX public.events_kind_copy;', 'RESET lock_timeout;'].join('\n'),
    );
    await runSuggestedSql(engine, findings[0]?.suggestedSql);
    expect(await checkSchemaRule(engine, banDuplicateIndex, 'SELECT 1')).toEqual([]);
  });

  it('leaves an invalid copy to ban-invalid-index', async () => {
    await engine.exec(`${USERS} INSERT INTO users VALUES (1, 1, 'a@x'), (2, 1, 'a@x');
      CREATE INDEX users_email_idx ON users (email);`);
    await engine.exec('CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)').catch(() => {});
    await engine.exec('CREATE UNIQUE INDEX CONCURRENTLY users_email_key2 ON users (email)').catch(() => {});
    expect(await checkSchemaRule(engine, banDuplicateIndex, 'SELECT 1')).toEqual([]);
  });
});

describe('ban-duplicate-index meta', () => {
  it('is documented under its own id', async () => {
    const { readFile } = await import('node:fs/promises');
    const page = await readFile(
      new URL('../../../docs/rules/ban-duplicate-index.md', import.meta.url),
      'utf8',
    );
    expect(page.startsWith(`# ${banDuplicateIndex.meta.id}\n`)).toBe(true);
  });
});
