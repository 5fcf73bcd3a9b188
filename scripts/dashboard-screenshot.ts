/**
 * Screenshot of `pgvigil serve` for the docs and README: `npx tsx scripts/dashboard-screenshot.ts`.
 * Starts a throwaway PostgreSQL cluster (as the tests do), plants the problems health and top find,
 * and photographs the dashboard in Debian's chromium.
 */
import pg from 'pg';
import { resolveRuleSettings } from '../src/config/rule-settings.js';
import { urlForDatabase } from '../src/engine/database-url.js';
import { allRuleMetas } from '../src/rules/registry.js';
import { startServe } from '../src/serve/serve.js';
import { launchChromium } from '../test/reporters/html/browser.js';
import { startCluster } from '../test/support/pg-cluster.js';

const PLANTED = `
CREATE TABLE authors (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE books (id serial PRIMARY KEY, author_id bigint REFERENCES authors (id), title text, isbn text);
CREATE INDEX books_isbn ON books (isbn);
INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(1, 1000) g;
INSERT INTO books (author_id, title) SELECT 1 + g % 1000, 'book ' || g FROM generate_series(1, 200000) g;
SELECT setval('books_id_seq', 2000000000);
ANALYZE;
SELECT count(*) FROM books WHERE title = 'book 42';
SELECT count(*) FROM books WHERE title = 'book 43';
`;

const cluster = await startCluster();
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE DATABASE shop');
  await admin.end();
  const url = urlForDatabase(cluster.url, 'shop');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(PLANTED);
  await client.end();
  const dashboard = await startServe({
    urls: [url],
    settings: resolveRuleSettings({ rules: {} }, allRuleMetas),
    timeoutMs: 5_000,
    topLimit: 5,
    advice: { minSavedShare: 0.3, maxIndexes: 3 },
    host: '127.0.0.1',
    port: 0,
    refreshMs: 30_000,
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1200, height: 980 } });
    await page.goto(dashboard.url);
    await page.screenshot({ path: 'docs/dashboard.png' });
    console.log('wrote docs/dashboard.png');
  } finally {
    await browser.close();
    await dashboard.close();
  }
} finally {
  cluster.stop();
}
