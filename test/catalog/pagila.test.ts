import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { describeEachEngine } from '../support/engines.js';
import { openEmpty, pagilaSchemaSql } from './load-fixture.js';

// Every expectation below was read from shared/corpus/schemas/pagila-schema.sql.
describeEachEngine('readCatalog on pagila (pg_dump output)', (open) => {
  let engine: Engine;
  let catalog: CatalogSnapshot;

  beforeAll(async () => {
    engine = await openEmpty(open);
    // pg_dump's psql-free output loads as one script, set_config of search_path included.
    await engine.exec(pagilaSchemaSql());
    catalog = await readCatalog(engine);
  });
  afterAll(() => engine.close());

  it('reads a foreign key with its columns and actions', () => {
    expect(catalog.constraints.find((c) => c.name === 'address_city_id_fkey')).toMatchObject({
      kind: 'foreign key',
      table: { qualified: 'public.address' },
      columns: ['city_id'],
      references: {
        table: { qualified: 'public.city' },
        columns: ['city_id'],
        onDelete: 'restrict',
        onUpdate: 'cascade',
      },
    });
    expect(
      catalog.constraints.find((c) => c.name === 'payment_p2022_01_staff_id_fkey')?.references,
    ).toMatchObject({
      table: { qualified: 'public.staff' },
      onDelete: 'no action',
      onUpdate: 'no action',
    });
  });

  it('reads the partitioned payment table and its bounds in UTC', () => {
    expect(catalog.tables.find((t) => t.name === 'payment')).toMatchObject({
      kind: 'partitioned',
      partitionKey: 'RANGE (payment_date)',
    });
    const partitions = catalog.tables.filter((t) => t.partitionOf?.name === 'payment').map((t) => t.name);
    expect(partitions).toEqual([1, 2, 3, 4, 5, 6, 7].map((month) => `payment_p2022_0${month}`));
    // The dump writes this bound as '2022-04-01 01:00:00+01'.
    expect(catalog.tables.find((t) => t.name === 'payment_p2022_03')?.partitionBound).toBe(
      "FOR VALUES FROM ('2022-03-01 00:00:00+00') TO ('2022-04-01 00:00:00+00')",
    );
  });

  it('reads indexes, a unique composite one and a gist one', () => {
    expect(
      catalog.indexes.find((i) => i.name === 'idx_unq_rental_rental_date_inventory_id_customer_id'),
    ).toMatchObject({
      unique: true,
      table: { qualified: 'public.rental' },
      keys: [{ column: 'rental_date' }, { column: 'inventory_id' }, { column: 'customer_id' }],
    });
    expect(catalog.indexes.find((i) => i.name === 'film_fulltext_idx')).toMatchObject({ method: 'gist' });
    expect(catalog.indexes.find((i) => i.name === 'rental_category')?.table.qualified).toBe(
      'public.rental_by_category',
    );
  });

  it('reads enums, domain-typed columns, functions without the aggregate, triggers and views', () => {
    expect(catalog.enums.find((e) => e.name === 'mpaa_rating')?.labels).toEqual([
      'G',
      'PG',
      'PG-13',
      'R',
      'NC-17',
    ]);
    expect(
      catalog.tables.find((t) => t.name === 'film')?.columns.find((c) => c.name === 'release_year')?.type,
    ).toBe('public.year');
    const functionNames = catalog.functions.map((f) => f.name);
    expect(functionNames).toContain('_group_concat');
    expect(functionNames).not.toContain('group_concat');
    expect(catalog.functions.find((f) => f.name === 'film_in_stock')?.arguments).toBe(
      'p_film_id integer, p_store_id integer, OUT p_film_count integer',
    );
    expect(catalog.triggers.filter((t) => t.name === 'last_updated').length).toBeGreaterThanOrEqual(9);
    expect(catalog.views.find((v) => v.name === 'rental_by_category')?.materialized).toBe(true);
    expect(catalog.views.find((v) => v.name === 'actor_info')?.materialized).toBe(false);
  });
});
