import { describe, expect, it } from 'vitest';
import { plain } from '../../../../src/sources/migrations/formats/plain.js';
import { loadMigrations } from '../../../../src/sources/migrations/list-migrations.js';
import { corpusPath } from '../../../support/corpus.js';
import { loadFixture, summary } from '../fixture.js';

describe('plain loader', () => {
  it('takes the .sql files in name order, outside any transaction', async () => {
    const { migrations, diagnostics } = await loadFixture(plain);
    expect(migrations.map(summary)).toEqual([
      ['001_a', '001_a.sql', null, false],
      ['002_b', '002_b.sql', null, false],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('reads all 330 Synapse deltas, .sql.postgres ones included, in name order', async () => {
    const { format, migrations, diagnostics } = await loadMigrations(corpusPath('migrations/synapse-deltas'));
    expect(format).toBe('plain');
    expect(diagnostics).toEqual([]);
    expect(migrations).toHaveLength(330);
    const names = migrations.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(names).toContain('56__destinations_retry_interval_type.sql.postgres');
    expect(migrations.every((m) => !m.inTransaction && m.down === undefined)).toBe(true);
  });
});
