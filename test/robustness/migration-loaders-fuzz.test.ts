import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import type { MigrationFormat } from '../../src/sources/migrations/migration.js';

const FORMATS: readonly MigrationFormat[] = [
  'golang-migrate',
  'plain',
  'dbmate',
  'flyway',
  'node-pg-migrate',
  'sqitch',
  'prisma',
  'drizzle',
  'pop',
];

/** File names each tool's loader looks for, and names that are almost right. */
const NAMES = [
  '1_init.up.sql',
  '1_init.down.sql',
  '0002_x.up.sql',
  '1_dup.up.sql',
  'V1__init.sql',
  'V1.1__more.sql',
  'U1__init.sql',
  'R__view.sql',
  'V__noversion.sql',
  '20240101000000_init.sql',
  '20240101000000_init.postgres.up.sql',
  '20240101000000_init.mysql.up.sql',
  '20240101000000_init.down.sql',
  '1700000000000_init.sql',
  'deploy/init.sql',
  'revert/init.sql',
  'sqitch.plan',
  'sqitch.conf',
  '20240101_init/migration.sql',
  'migration_lock.toml',
  '0000_init.sql',
  'meta/_journal.json',
  'V1__conf.sql.conf',
  'notes.txt',
  '.hidden.sql',
  'weird name ü.sql',
];

const CONTENTS = fc.oneof(
  fc.constantFrom(
    'CREATE TABLE t (id bigint PRIMARY KEY);',
    '-- migrate:up\nCREATE TABLE a (id int);\n-- migrate:down\nDROP TABLE a;',
    '-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON a (id);',
    '%syntax-version=1.0.0\n%project=x\ninit 2024-01-01T00:00:00Z me <me@x> # first\n',
    '{"entries": [{"idx": 0, "tag": "0000_init", "when": 1}]}',
    '{"entries": 5}',
    'executeInTransaction=false\n',
    '-- Up Migration\nCREATE TABLE b (id int);\n-- Down Migration\nDROP TABLE b;',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

async function writeFolder(files: readonly (readonly [string, string])[]): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'pgvigil-loader-fuzz-'));
  for (const [name, content] of files) {
    await mkdir(dirname(join(root, name)), { recursive: true });
    await writeFile(join(root, name), content);
  }
  return root;
}

describe('migration loaders under bad folders', () => {
  it('never throw, whatever the folder holds and whichever format is forced; problems name their file', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...NAMES), CONTENTS), { maxLength: 8 }),
        fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
        async (files, format) => {
          const root = await writeFolder(files);
          try {
            const loaded = await loadMigrations(root, format);
            for (const d of loaded.diagnostics) {
              expect(d.file).toBeTypeOf('string');
              expect(d.message.length).toBeGreaterThan(0);
            }
            for (const m of loaded.migrations) expect(m.up.sql).toBeTypeOf('string');
          } finally {
            await rm(root, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
