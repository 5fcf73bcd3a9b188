import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carryStatistics } from '../../src/advisor/scratch/carry-statistics.js';
import { schemaStatements } from '../../src/advisor/scratch/schema-ddl.js';
import type { CatalogSnapshot } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { fillEmptyTables } from '../../src/explain/bulk-fill.js';

const SCHEMA = `
CREATE SCHEMA shop;
CREATE TYPE shop.state AS ENUM ('new', 'paid', 'sent');
CREATE TABLE shop.customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE, region text COLLATE "C");
CREATE TABLE shop.orders (
  id bigint NOT NULL, customer_id bigint NOT NULL REFERENCES shop.customers, state shop.state NOT NULL,
  total numeric(10,2) CHECK (total >= 0), placed_at timestamptz NOT NULL,
  PRIMARY KEY (id, placed_at)
) PARTITION BY RANGE (placed_at);
CREATE TABLE shop.orders_2025 PARTITION OF shop.orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE shop.orders_rest PARTITION OF shop.orders DEFAULT;
CREATE INDEX orders_customer_idx ON shop.orders (customer_id, placed_at DESC);
CREATE INDEX customers_lower_email_idx ON shop.customers (lower(email)) WHERE region IS NOT NULL;
`;

/** What the planner reads of a catalog: tables with their columns, indexes, constraints. */
function shape(catalog: CatalogSnapshot) {
  return {
    tables: catalog.tables.map((t) => ({
      name: t.qualified,
      partitionKey: t.partitionKey,
      partitionBound: t.partitionBound,
      columns: t.columns.map((c) => [c.name, c.type, c.notNull, c.collation]),
    })),
    indexes: catalog.indexes.map((i) => i.definition).sort(),
    constraints: catalog.constraints.map((c) => `${c.table.qualified} ${c.definition}`).sort(),
    enums: catalog.enums,
  };
}

let source: Engine;
let copy: Engine;
let catalog: CatalogSnapshot;

beforeAll(async () => {
  source = await openPglite();
  await source.exec(SCHEMA);
  // Skewed production data: 90 % of orders are 'sent', one customer in a hundred has a region.
  await source.exec(`
    INSERT INTO shop.customers SELECT g, 'c' || g || '@x.org', CASE WHEN g % 100 = 0 THEN 'eu' END FROM generate_series(1, 2000) g;
    INSERT INTO shop.orders SELECT g, 1 + g % 2000, CASE WHEN g % 10 = 0 THEN 'new' ELSE 'sent' END::shop.state, g % 500,
      timestamptz '2025-01-01' + g * interval '1 hour' FROM generate_series(1, 20000) g;
    ANALYZE`);
  catalog = await readCatalog(source);
  copy = await openPglite();
  for (const sql of schemaStatements(catalog)) await copy.exec(sql);
});
afterAll(async () => {
  await source?.close();
  await copy?.close();
});

describe('a scratch copy of a schema, read from its catalog', () => {
  it('has the same tables, partitions, columns, indexes, constraints and enum types', async () => {
    expect(shape(await readCatalog(copy))).toEqual(shape(catalog));
  });

  it('plans with the production column statistics restored over its synthetic rows (PostgreSQL 18)', async () => {
    await fillEmptyTables(copy, (table) => (table === 'shop.customers' ? 2000 : 500));
    const mcv = (engine: Engine) =>
      engine.query<{ vals: string; freqs: string }>(
        "SELECT most_common_vals::text AS vals, most_common_freqs::text AS freqs FROM pg_stats WHERE schemaname = 'shop' AND tablename = 'orders' AND attname = 'state'",
      );
    const synthetic = (await mcv(copy)).rows[0];
    const carried = await carryStatistics(source, copy);
    expect(carried.lost).toBeUndefined();
    expect(carried.columns).toBeGreaterThan(10);
    const restored = (await mcv(copy)).rows[0];
    expect(restored).toEqual((await mcv(source)).rows[0]);
    expect(restored).not.toEqual(synthetic);
    // The planner uses them: 'sent' is 90 % of the orders in the copy's estimate too.
    const { rows } = await copy.query<{ 'QUERY PLAN': { Plan: { 'Plan Rows': number } }[] }>(
      "EXPLAIN (FORMAT JSON) SELECT * FROM shop.orders_2025 WHERE state = 'sent'",
    );
    const estimate = rows[0]?.['QUERY PLAN'][0]?.Plan['Plan Rows'] ?? 0;
    const total = Number(
      (await copy.query<{ n: string }>('SELECT count(*) AS n FROM shop.orders_2025')).rows[0]?.n,
    );
    expect(estimate / total).toBeGreaterThan(0.8);
  });
});
