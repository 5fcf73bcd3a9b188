import { describe, expect, it } from 'vitest';
import { golangMigrate } from '../../../../src/sources/migrations/formats/golang-migrate.js';
import { loadFixture, summary } from '../fixture.js';

describe('golang-migrate loader', () => {
  it('pairs up and down files in numeric version order', async () => {
    const { migrations } = await loadFixture(golangMigrate);
    expect(migrations.map(summary)).toEqual([
      ['1', '1_create_users.up.sql', '1_create_users.down.sql', false],
      ['2', '2_index_email.up.sql', '2_index_email.down.sql', false],
      ['10', '10_add_name.up.sql', null, true],
    ]);
    expect(migrations[0]?.up.sql).toBe('CREATE TABLE users (id bigint PRIMARY KEY, email text);\n');
  });

  it('counts a file of several statements as one implicit transaction, a single statement as none', async () => {
    const { migrations } = await loadFixture(golangMigrate);
    const concurrently = migrations.find((m) => m.version === '2');
    expect(concurrently?.up.sql).toContain('CONCURRENTLY');
    expect(concurrently?.inTransaction).toBe(false);
    expect(migrations.find((m) => m.version === '10')?.inTransaction).toBe(true);
  });

  it('reports a down file without its up file and leaves it out', async () => {
    const { diagnostics } = await loadFixture(golangMigrate);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'unsupported-input', line: 1 });
    expect(diagnostics[0]?.file).toMatch(/3_orphan\.down\.sql$/);
    expect(diagnostics[0]?.message).toContain('without an up file');
  });
});
