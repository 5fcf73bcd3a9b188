import { describe, expect, it } from 'vitest';
import { nodePgMigrate } from '../../../../src/sources/migrations/formats/node-pg-migrate.js';
import { loadFixture, nonBlankLines, summary } from '../fixture.js';

describe('node-pg-migrate loader', () => {
  it('orders by the numeric prefix and always runs in a transaction', async () => {
    const { migrations, diagnostics } = await loadFixture(nodePgMigrate);
    expect(migrations.map(summary)).toEqual([
      ['999', '999_early.sql', '999_early.sql', true],
      ['1700000000000', '1700000000000_create_users.sql', '1700000000000_create_users.sql', true],
      ['1700000000100', '1700000000100_add_email.sql', null, true],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('takes the sections between the markers in either order; no marker means the whole file is up', async () => {
    const { migrations } = await loadFixture(nodePgMigrate);
    const [early, users, email] = migrations;
    expect(nonBlankLines(early?.up.sql ?? '')).toEqual(['-- up migration', 'CREATE TABLE early (id int);']);
    expect(nonBlankLines(early?.down?.sql ?? '')).toEqual(['-- down migration', 'DROP TABLE early;']);
    expect(nonBlankLines(users?.down?.sql ?? '')).toEqual(['-- Down Migration', 'DROP TABLE users;']);
    expect(email?.up.sql).toBe('ALTER TABLE users ADD COLUMN email text;\n');
  });
});
