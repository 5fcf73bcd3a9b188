import { describe, expect, it } from 'vitest';
import { pop } from '../../../../src/sources/migrations/formats/pop.js';
import { loadMigrations } from '../../../../src/sources/migrations/list-migrations.js';
import { corpusPath } from '../../../support/corpus.js';
import { loadFixture, summary } from '../fixture.js';

describe('pop loader', () => {
  it('prefers the postgres file, ignores other dialects, and compares versions as strings', async () => {
    const { migrations, diagnostics } = await loadFixture(pop);
    expect(migrations.map(summary)).toEqual([
      [
        '20200101000000000000',
        '20200101000000000000_identities.postgres.up.sql',
        '20200101000000000000_identities.down.sql',
        true,
      ],
      [
        '20200102000000000000',
        '20200102000000000000_traits_index.autocommit.up.sql',
        '20200102000000000000_traits_index.autocommit.down.sql',
        false,
      ],
      [
        '20200102000000000001',
        '20200102000000000001_state.postgres.up.sql',
        '20200102000000000001_state.postgres.down.sql',
        true,
      ],
      ['20200103', '20200103_short_version.up.sql', '20200103_short_version.down.sql', true],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('keeps an empty down file as a down that does nothing', async () => {
    const { migrations } = await loadFixture(pop);
    expect(migrations[2]?.down).toMatchObject({ sql: '' });
  });

  it('reads the 346 Kratos versions, each with its down, a single-statement autocommit one outside any transaction', async () => {
    const { format, migrations, diagnostics } = await loadMigrations(corpusPath('migrations/kratos'));
    expect(format).toBe('pop');
    expect(diagnostics).toEqual([]);
    expect(migrations).toHaveLength(346);
    expect(migrations.every((m) => m.down !== undefined)).toBe(true);
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(346);
    expect(versions).toEqual([...versions].sort());
    // 12 .autocommit. up files for 10 versions: two versions have a .postgres. one that wins.
    const autocommit = migrations.filter((m) => m.up.file.includes('.autocommit.'));
    expect(autocommit).toHaveLength(10);
    expect(autocommit.filter((m) => m.up.file.includes('.postgres.')).map((m) => m.up.sql)).toEqual([
      expect.stringContaining('CREATE INDEX CONCURRENTLY'),
      expect.stringContaining('CREATE INDEX CONCURRENTLY'),
    ]);
    // An autocommit file of several statements is still one query string: an implicit transaction.
    expect(migrations.filter((m) => !m.inTransaction).map((m) => m.version)).toEqual([
      '20241031094100000002',
      '20241106142200000001',
      '20241106142200000002',
      '20250708190000000000',
      '20260616000000000000',
      '20260703000000000000',
    ]);
    // A dialect-less file is used only where no .postgres. file of that version exists.
    for (const m of migrations.filter((m) => !m.up.file.includes('.postgres.')))
      expect(migrations.some((other) => other !== m && other.version === m.version)).toBe(false);
  });
});
