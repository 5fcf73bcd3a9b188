import { describe, expect, it } from 'vitest';
import { prisma } from '../../../../src/sources/migrations/formats/prisma.js';
import { loadFixture, summary } from '../fixture.js';

describe('prisma loader', () => {
  it('reads each folder migration.sql in folder order, with no down step', async () => {
    const { migrations, diagnostics } = await loadFixture(prisma);
    expect(migrations.map(summary)).toEqual([
      ['20240101000000', 'migration.sql', null, true],
      ['20240102000000', 'migration.sql', null, false],
    ]);
    expect(migrations.map((m) => m.name)).toEqual(['init', 'index_email']);
    expect(migrations[1]?.up.file).toMatch(/20240102000000_index_email\/migration\.sql$/);
    expect(diagnostics).toEqual([]);
  });
});
