import { describe, expect, it } from 'vitest';
import { diffCatalogs } from '../../src/catalog/diff.js';
import type { CatalogSnapshot } from '../../src/catalog/model.js';
import { readCatalog } from '../../src/catalog/read-catalog.js';
import { engineCases } from '../support/engines.js';
import { blogSchemaSql, openEmpty, pagilaSchemaSql } from './load-fixture.js';

async function snapshotsOf(sql: string): Promise<readonly CatalogSnapshot[]> {
  const snapshots: CatalogSnapshot[] = [];
  for (const engineCase of engineCases) {
    const engine = await openEmpty(engineCase.open);
    try {
      await engine.exec(sql);
      snapshots.push(await readCatalog(engine));
    } finally {
      await engine.close();
    }
  }
  return snapshots;
}

/** Oids, sizes and row estimates depend on the cluster's history; the schema does not. */
function withoutVolatile(snapshot: CatalogSnapshot): unknown {
  return JSON.parse(
    JSON.stringify(snapshot, (key, value) =>
      ['oid', 'sizeBytes', 'estimatedRows', 'serverVersion'].includes(key) ? undefined : value,
    ),
  );
}

// Postgres 16 stopped qualifying column names in single-relation view definitions
// (`SELECT id FROM public.posts` where 15 prints `SELECT posts.id ...`): a deparser difference
// the snapshot reports as it is, so views are compared by name and kind across versions.
function viewsByName(snapshot: CatalogSnapshot): unknown {
  return snapshot.views.map((view) => [view.qualified, view.materialized, view.comment]);
}

describe('one snapshot for the same DDL on every engine', () => {
  it('reads the blog schema the same way on PGlite and on the server', async () => {
    const [first, ...others] = await snapshotsOf(blogSchemaSql());
    if (!first) throw new Error('no engine to test');
    for (const other of others) {
      expect(other.serverVersion).not.toBe(first.serverVersion);
      expect(withoutVolatile({ ...other, views: [] })).toEqual(withoutVolatile({ ...first, views: [] }));
      expect(viewsByName(other)).toEqual(viewsByName(first));
    }
  });

  it('reads pagila identically on PGlite and on the server, views included', async () => {
    const [first, ...others] = await snapshotsOf(pagilaSchemaSql());
    if (!first) throw new Error('no engine to test');
    expect(first.tables.length).toBeGreaterThan(20);
    for (const other of others) {
      expect(withoutVolatile(other)).toEqual(withoutVolatile(first));
      expect(diffCatalogs(first, other)).toEqual([]);
    }
  });
});
