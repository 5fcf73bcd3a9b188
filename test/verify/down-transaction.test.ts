import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { describeEachEngine } from '../support/engines.js';
import { tempProject } from '../support/temp-project.js';
import { verifyProject } from './verify-project.js';

const SCHEMA = 'CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n';

// A down step that must run outside a transaction while its up step runs in one.
const DBMATE = {
  'migrations/20240101000000_title_index.sql': [
    '-- migrate:up',
    'CREATE INDEX posts_title ON posts (title);',
    '-- migrate:down transaction:false',
    'DROP INDEX CONCURRENTLY posts_title;',
  ].join('\n'),
};

// golang-migrate sends each file as one query: two statements share an implicit transaction, one runs bare.
const GOLANG = {
  'migrations/000001_title_index.up.sql':
    "CREATE INDEX posts_title ON posts (title);\nCOMMENT ON INDEX posts_title IS 'for search';",
  'migrations/000001_title_index.down.sql': 'DROP INDEX CONCURRENTLY posts_title;',
};

it.each([
  ['dbmate', DBMATE],
  ['golang-migrate', GOLANG],
])('%s: the down step has its own transaction mode', async (_, files) => {
  const root = await tempProject(files);
  const [migration] = (await loadMigrations(join(root, 'migrations'))).migrations;
  expect([migration?.inTransaction, migration?.downInTransaction]).toEqual([true, false]);
});

describeEachEngine('verify: a down step outside a transaction after an up step in one', (open) => {
  it.each([
    ['dbmate', DBMATE],
    ['golang-migrate', GOLANG],
  ])('%s: DROP INDEX CONCURRENTLY in the down runs, and the round trip is clean', async (_, files) => {
    const engine = await open();
    try {
      const { diagnostics } = await verifyProject(engine, SCHEMA, files);
      expect(diagnostics.map((d) => `${d.rule}: ${d.message}`)).toEqual([]);
    } finally {
      await engine.close();
    }
  });
});
