import { describe, expect, it } from 'vitest';
import { bothModes } from '../static/support/both-modes.js';

const SCHEMA = `CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint REFERENCES authors (id), title text NOT NULL);
`;

const rules = (diagnostics: readonly { readonly rule: string }[]) =>
  diagnostics.map((d) => d.rule).filter((rule) => rule === 'ban-truncate' || rule.startsWith('observed-'));

describe('ban-truncate', () => {
  const lint = bothModes();
  const run = (sql: string) => lint({ 'schema.sql': SCHEMA, 'migrations/000001_change.up.sql': sql });

  it('reports TRUNCATE of an existing table in both modes, with the lock, and no fallback finding beside it', async () => {
    const found = await run('TRUNCATE posts;\n');
    for (const diagnostics of [found.semantic, found.static]) {
      expect(rules(diagnostics)).toEqual(['ban-truncate']);
      expect(diagnostics.find((d) => d.rule === 'ban-truncate')?.data).toMatchObject({
        tables: ['public.posts'],
        lock: 'AccessExclusiveLock',
      });
    }
  });

  it('names every table CASCADE empties (semantic mode reads them from the engine)', async () => {
    const found = await run('TRUNCATE authors CASCADE;\n');
    const tables = found.semantic.find((d) => d.rule === 'ban-truncate')?.data?.tables;
    expect(tables).toEqual(expect.arrayContaining(['public.authors', 'public.posts']));
  });

  it('leaves alone a table created in the same migration', async () => {
    const found = await run('CREATE TABLE imports (id bigint PRIMARY KEY);\nTRUNCATE imports;\n');
    expect(rules(found.semantic)).toEqual([]);
    expect(rules(found.static)).toEqual([]);
  });
});
