import { describe, expect, it } from 'vitest';
import { sqitch } from '../../../../src/sources/migrations/formats/sqitch.js';
import { loadFixture, summary } from '../fixture.js';

describe('sqitch loader', () => {
  it('follows sqitch.plan, with the reworked change first from its tagged scripts', async () => {
    const { migrations } = await loadFixture(sqitch);
    expect(migrations.map(summary)).toEqual([
      ['users@v1.0', 'users@v1.0.sql', 'users@v1.0.sql', false],
      ['posts', 'posts.sql', null, false],
      ['users', 'users.sql', 'users.sql', false],
    ]);
    expect(migrations[0]?.up.file).toMatch(/deploy\/users@v1\.0\.sql$/);
    expect(migrations[0]?.down?.file).toMatch(/revert\/users@v1\.0\.sql$/);
    // Sqitch adds no transaction: the script's own BEGIN/COMMIT are replayed as statements.
    expect(migrations[2]?.up.sql).toMatch(/^BEGIN;/);
  });

  it('reports a planned change without a deploy script at its plan line', async () => {
    const { diagnostics } = await loadFixture(sqitch);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.file).toMatch(/sqitch\.plan$/);
    expect(diagnostics[0]?.line).toBe(9);
    expect(diagnostics[0]?.message).toContain('ghost');
  });
});
