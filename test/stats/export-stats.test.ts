import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';
import type { Engine } from '../../src/engine/engine.js';
import { openEngine } from '../../src/engine/open.js';
import { openPglite } from '../../src/engine/pglite.js';
import { exportStats } from '../../src/stats/export-stats.js';
import { restoreStats } from '../../src/stats/restore-stats.js';
import { STATS_FORMAT, STATS_FORMAT_VERSION } from '../../src/stats/stats-file.js';
import { openServerTestDatabase, testServerUrl, uniqueName } from '../support/engines.js';
import { cli } from '../support/run-cli.js';
import { urlAs } from '../support/url-as.js';
import { BLOG_SCHEMA, fillBlog } from './blog-stats.js';

const PASSWORD = 'pw-never-printed-7d1e';
let server: Engine;
let database: string;
let role: string;

/** The test database's URL as `who` with a password (scram: the cluster trusts only its superuser). */
function roleUrl(who: string): string {
  return urlAs(urlForDatabase(testServerUrl() ?? '', database), who, PASSWORD);
}

beforeAll(async () => {
  server = await openServerTestDatabase();
  await server.exec(`${BLOG_SCHEMA}; CREATE TABLE secrets (id int PRIMARY KEY, token text)`);
  await fillBlog(server, 20_000);
  await server.exec(
    'INSERT INTO secrets SELECT g, md5(g::text) FROM generate_series(1, 500) g; ANALYZE secrets',
  );
  const { rows } = await server.query<{ db: string }>('SELECT current_database() AS db');
  database = rows[0]?.db ?? '';
  role = uniqueName('stats_reader');
  await server.exec(`CREATE ROLE ${role} LOGIN PASSWORD '${PASSWORD}';
    GRANT SELECT ON posts, authors TO ${role}`);
}, 60_000);
afterAll(async () => {
  await server?.close();
  const admin = await openEngine({ db: testServerUrl() ?? '', readOnly: false });
  await admin.exec(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.close());
});

describe('stats export on a PostgreSQL 15 server', () => {
  it('holds the format, the server version, table sizes and every pg_stats statistic of a column', async () => {
    const stats = await exportStats(server);
    expect(stats.format).toBe(STATS_FORMAT);
    expect(stats.version).toBe(STATS_FORMAT_VERSION);
    expect(stats.server.versionNum).toBe(server.serverVersion);
    expect(stats.server.version).toMatch(/^15\./);
    const posts = stats.tables.find((t) => t.name === 'posts');
    expect(posts?.reltuples).toBe(20_000);
    expect(posts?.relpages).toBeGreaterThan(100);
    expect(posts?.relallfrozen).toBeUndefined(); // PostgreSQL 18+ only
    const status = posts?.columns.find((c) => c.name === 'status');
    expect(status?.most_common_vals).toBe('{published,hidden,draft}');
    expect(status?.most_common_freqs?.[0]).toBeCloseTo(0.899, 2);
    expect(status?.n_distinct).toBe(3);
    const tags = posts?.columns.find((c) => c.name === 'tags');
    expect(tags?.most_common_elems).toContain('t3');
    expect(tags?.elem_count_histogram?.length).toBeGreaterThan(0);
    expect(posts?.columns.find((c) => c.name === 'created_at')?.correlation).toBe(1);
  });

  it('exports only the schemas and tables asked for', async () => {
    const stats = await exportStats(server, { tables: ['public.authors'] });
    expect(stats.tables.map((t) => t.name)).toEqual(['authors']);
    expect((await exportStats(server, { schemas: ['elsewhere'] })).tables).toEqual([]);
  });

  it('names the tables whose pg_stats rows the role may not see, never crashes, never prints the password', async () => {
    const run = await cli('stats', 'export', '--db', roleUrl(role));
    expect(run.code).toBe(0);
    const stats = JSON.parse(run.stdout) as Awaited<ReturnType<typeof exportStats>>;
    expect(stats.tables.map((t) => t.name).sort()).toEqual(['authors', 'posts']);
    expect(stats.skipped).toEqual([
      expect.objectContaining({ name: 'secrets', reason: expect.stringContaining('permission denied') }),
    ]);
    expect(run.stderr).toContain('skipped public.secrets: permission denied');
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
  });
});

describe('range statistics (PostgreSQL 17+) on the embedded engine', () => {
  it('go out and come back: the restored pg_stats row equals the exported one', async () => {
    const source = await openPglite();
    const target = await openPglite();
    try {
      const schema = 'CREATE TABLE bookings (id int PRIMARY KEY, during tstzrange NOT NULL)';
      await source.exec(`${schema};
        INSERT INTO bookings SELECT g, tstzrange(timestamptz '2024-01-01' + g * interval '1 hour', timestamptz '2024-01-01' + g * interval '1 hour' + (g % 48) * interval '1 hour') FROM generate_series(1, 3000) g;
        ANALYZE`);
      await target.exec(
        `${schema}; INSERT INTO bookings SELECT g, 'empty' FROM generate_series(1, 100) g; ANALYZE`,
      );
      const stats = await exportStats(source);
      const during = stats.tables[0]?.columns.find((c) => c.name === 'during');
      expect(during?.range_bounds_histogram).toBeDefined();
      expect(during?.range_length_histogram).toBeDefined();
      const restored = await restoreStats(target, stats);
      expect(restored).toMatchObject({ tables: 1, columns: 2, refused: 0 });
      const back = (await exportStats(target)).tables[0]?.columns;
      expect(back).toEqual(stats.tables[0]?.columns);
    } finally {
      await source.close();
      await target.close();
    }
  });
});
