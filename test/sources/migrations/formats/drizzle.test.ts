import { describe, expect, it } from 'vitest';
import { drizzle } from '../../../../src/sources/migrations/formats/drizzle.js';
import { loadFixture, summary } from '../fixture.js';

describe('drizzle loader', () => {
  it('takes the files the journal names, in its order, all in the run transaction', async () => {
    const { migrations, diagnostics } = await loadFixture(drizzle);
    expect(migrations.map(summary)).toEqual([
      ['0000_cool_users', '0000_cool_users.sql', null, true],
      ['0001_brave_posts', '0001_brave_posts.sql', null, true],
    ]);
    expect(migrations[1]?.up.sql).toContain('--> statement-breakpoint');
    expect(diagnostics).toEqual([]);
  });
});
