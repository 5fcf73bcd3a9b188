import { describe, expect, it } from 'vitest';
import { flyway } from '../../../../src/sources/migrations/formats/flyway.js';
import { loadFixture, summary } from '../fixture.js';

describe('flyway loader', () => {
  it('orders versions part by part as numbers, undo files as downs, repeatables last', async () => {
    const { migrations, diagnostics } = await loadFixture(flyway);
    expect(migrations.map(summary)).toEqual([
      ['1', 'V1__init.sql', null, true],
      ['1.1', 'V1.1__add_email.sql', 'U1.1__add_email.sql', true],
      ['1.2', 'V1_2__add_name.sql', null, true],
      ['2', 'V2__index_email.sql', null, false],
      ['3', 'V3__index_name.sql', null, false],
      ['10', 'V10__add_age.sql', null, true],
      ['R__adults', 'R__adults.sql', null, true],
    ]);
    expect(diagnostics).toEqual([]);
  });

  it('runs a script outside a transaction for a CONCURRENTLY statement or a script config file', async () => {
    const { migrations } = await loadFixture(flyway);
    const byVersion = new Map(migrations.map((m) => [m.version, m]));
    // V2 spells it in lower case over two lines; Flyway simplifies the statement before matching.
    expect(byVersion.get('2')?.up.sql).toContain('concurrently');
    expect(byVersion.get('2')?.inTransaction).toBe(false);
    // V3 is an ordinary CREATE INDEX, turned out of the transaction by V3__index_name.sql.conf.
    expect(byVersion.get('3')?.up.sql).not.toMatch(/concurrently/i);
    expect(byVersion.get('3')?.inTransaction).toBe(false);
  });
});
