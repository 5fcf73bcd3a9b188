import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { candidatesFor, MAX_PARTIAL_DISTINCT } from '../../src/advisor/candidates.js';
import { readDistinctCounts } from '../../src/advisor/column-distinct.js';
import { indexTarget } from '../../src/advisor/index-candidate.js';
import { tableUses } from '../../src/advisor/query-shape.js';
import type { Table } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { initSql, parseSql } from '../../src/sql/parser.js';

const SCHEMA = `
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text, total numeric(10,2),
  placed_at timestamptz, note text, tags text[], attrs jsonb);
CREATE TABLE customers (id bigint PRIMARY KEY, email text, region text);
`;

let engine: Engine;
let tables: readonly Table[];

beforeAll(async () => {
  await initSql();
  engine = await openPglite();
  await engine.exec(SCHEMA);
  tables = (await readCatalog(engine)).tables;
});
afterAll(async () => {
  await engine.close();
});

/** Candidate indexes for one query, as `ON table USING ... (...)` texts. */
function candidates(
  sql: string,
  trigram = false,
  distinct: ReadonlyMap<string, number> = new Map(),
): string[] {
  const parsed = parseSql(sql);
  if (!parsed.ok) throw new Error(sql);
  const node = parsed.result.stmts?.[0]?.stmt;
  if (!node) throw new Error(sql);
  return tableUses(tables, node).flatMap((use) => candidatesFor(use, { trigram, distinct }).map(indexTarget));
}

describe('candidates from the parse tree', () => {
  it('puts equality columns first, then one range column, then the ORDER BY keys with their directions', () => {
    const found = candidates(
      'SELECT id FROM orders WHERE customer_id = $1 AND placed_at > $2 ORDER BY placed_at DESC NULLS LAST',
    );
    expect(found).toContain('ON public.orders USING btree (customer_id)');
    expect(found).toContain('ON public.orders USING btree (customer_id, placed_at)');
    expect(found).toContain('ON public.orders USING btree (customer_id, placed_at DESC NULLS LAST)');
    // Not every column in sight: id is only read, so at most INCLUDEd, never a key.
    expect(found.some((c) => /btree \(id[,)]/.test(c))).toBe(false);
    expect(found).toContain(
      'ON public.orders USING btree (customer_id, placed_at DESC NULLS LAST) INCLUDE (id)',
    );
  });

  it('offers INCLUDE for narrow columns only, and a partial index for a constant', () => {
    const found = candidates("SELECT total FROM orders WHERE status = 'paid' AND customer_id = $1");
    expect(found).toContain('ON public.orders USING btree (status, customer_id) INCLUDE (total)');
    expect(found).toContain("ON public.orders USING btree (customer_id) WHERE status = 'paid'");
    const wide = candidates('SELECT note FROM orders WHERE customer_id = $1');
    expect(wide.some((c) => c.includes('INCLUDE'))).toBe(false);
  });

  it('finds join keys on both sides, IN lists, expressions and GIN operators', () => {
    const join = candidates(
      'SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id WHERE c.region IN ($1, $2)',
    );
    expect(join).toContain('ON public.orders USING btree (customer_id)');
    expect(join).toContain('ON public.customers USING btree (region)');
    expect(candidates('SELECT id FROM customers WHERE lower(email) = $1')).toEqual([
      'ON public.customers USING btree ((lower(email)))',
    ]);
    expect(candidates(`SELECT id FROM orders WHERE attrs @> '{"gift": true}'`)).toEqual([
      'ON public.orders USING gin (attrs)',
    ]);
    expect(candidates("SELECT id FROM orders WHERE tags && ARRAY['a']")).toEqual([
      'ON public.orders USING gin (tags)',
    ]);
  });

  it('offers a trigram index for a leading wildcard only when pg_trgm is there', () => {
    const sql = "SELECT id FROM orders WHERE note ILIKE '%late%'";
    expect(candidates(sql, false)).toEqual([]);
    expect(candidates(sql, true)).toEqual(['ON public.orders USING gin (note gin_trgm_ops)']);
    expect(candidates("SELECT id FROM orders WHERE note LIKE 'late%'", true)).toEqual([]);
  });

  it('reads UPDATE and DELETE predicates and correlated subqueries', () => {
    expect(candidates('DELETE FROM orders WHERE placed_at < $1')).toContain(
      'ON public.orders USING btree (placed_at)',
    );
    const sub = candidates(
      'SELECT c.id FROM customers c WHERE EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)',
    );
    expect(sub).toContain('ON public.orders USING btree (customer_id)');
  });

  it('makes a partial index only for a column of categories, by its statistics', async () => {
    // 4 statuses, but a distinct customer per order: customer_id = 42 stands for any customer.
    await engine.exec(`INSERT INTO orders (id, customer_id, status)
      SELECT g, g, (ARRAY['paid', 'new', 'sent', 'void'])[1 + g % 4] FROM generate_series(1, ${4 * MAX_PARTIAL_DISTINCT}) g;
      ANALYZE orders`);
    const distinct = await readDistinctCounts(engine);
    expect(distinct.get('public.orders.status')).toBe(4);
    expect(distinct.get('public.orders.customer_id')).toBeGreaterThan(MAX_PARTIAL_DISTINCT);
    const status = candidates(
      "SELECT id FROM orders WHERE status = 'paid' ORDER BY placed_at",
      false,
      distinct,
    );
    expect(status).toContain("ON public.orders USING btree (placed_at) WHERE status = 'paid'");
    const customer = candidates(
      'SELECT id FROM orders WHERE customer_id = 42 ORDER BY placed_at',
      false,
      distinct,
    );
    expect(customer).toContain('ON public.orders USING btree (customer_id, placed_at)');
    expect(customer.filter((c) => c.includes('WHERE'))).toEqual([]);
  });
});
