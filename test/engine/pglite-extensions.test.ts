import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { extensionsCreatedIn } from '../../src/engine/pglite-extensions.js';

const SCHEMA = `CREATE EXTENSION pg_trgm; create extension if not exists btree_gin; CREATE EXTENSION "uuid-ossp";
  CREATE EXTENSION citext; CREATE EXTENSION hstore; CREATE EXTENSION pgcrypto;
  CREATE TABLE people (id uuid DEFAULT uuid_generate_v4() PRIMARY KEY, name citext, tags hstore);
  CREATE INDEX people_name_trgm ON people USING gin ((name::text) gin_trgm_ops, id);`;

describe('extensionsCreatedIn', () => {
  it('finds the contrib extensions PGlite can provide, quoted or not, and leaves the others', () => {
    expect(extensionsCreatedIn([SCHEMA, 'CREATE EXTENSION plpython3u;'])).toEqual([
      'pg_trgm',
      'btree_gin',
      'uuid-ossp',
      'citext',
      'hstore',
      'pgcrypto',
    ]);
  });
});

describe('openPglite contrib extensions', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openPglite({ extensions: extensionsCreatedIn([SCHEMA]) });
  });
  afterAll(() => engine.close());

  it('creates the extensions real schemas use, and they work', async () => {
    await engine.exec(SCHEMA);
    const { rows } = await engine.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_extension WHERE extname IN ('pg_trgm', 'btree_gin', 'uuid-ossp', 'citext', 'hstore', 'pgcrypto')`,
    );
    expect(rows[0]?.n).toBe(6);
    const similar = await engine.query<{ s: number }>(
      `SELECT similarity('postgres', 'postgre')::float8 AS s`,
    );
    expect(similar.rows[0]?.s).toBeGreaterThan(0.5);
  });
});
