import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { type RunningServe, startServe } from '../../src/serve/serve.js';
import { createLiveDatabase, type LiveDatabase } from '../live/live-database.js';
import { browserOptedOut, launchChromium, openReport } from '../reporters/html/browser.js';

const settings = resolveRuleSettings({ rules: {} }, allRuleMetas);

function serve(db: LiveDatabase, host: string): Promise<RunningServe> {
  return startServe({
    urls: [db.url],
    settings,
    timeoutMs: 5_000,
    topLimit: 5,
    advice: { minSavedShare: 0.3, maxIndexes: 3 },
    host,
    port: 0,
    refreshMs: 60_000,
  });
}

describe('pgvigil serve on the test server', () => {
  let db: LiveDatabase;
  let dashboard: RunningServe;

  beforeAll(async () => {
    db = await createLiveDatabase();
    const client = await db.client();
    // A planted problem: a foreign key no index covers.
    await client.query(`CREATE TABLE authors (id int PRIMARY KEY);
      CREATE TABLE books (id int PRIMARY KEY, author_id int REFERENCES authors (id));`);
    dashboard = await serve(db, '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await dashboard?.close();
    await db?.drop();
  });

  it('answers with the health findings of the database, as JSON and as a page, without a token on loopback', async () => {
    expect(dashboard.tokenRequired).toBe(false);
    const data = (await (await fetch(new URL('/api/report', dashboard.url))).json()) as {
      diagnostics: { rule: string; message: string }[];
      notes: string[];
      takenAt: string;
    };
    const fk = data.diagnostics.filter((d) => d.rule === 'require-fk-index');
    expect(fk).toHaveLength(1);
    expect(fk[0]?.message).toContain('books');
    expect(data.notes.some((note) => note.startsWith(`checked 127.0.0.1:`))).toBe(true);
    const page = await (await fetch(dashboard.url)).text();
    expect(page).toContain(`pgvigil dashboard: 127.0.0.1:`);
    expect(page).toContain('require-fk-index');
    // One collection per refresh interval, however many requests: the page shows the same snapshot.
    const again = (await (await fetch(new URL('/api/report', dashboard.url))).json()) as { takenAt: string };
    expect(again.takenAt).toBe(data.takenAt);
  }, 60_000);

  it('loads in a real browser with no console errors and no requests elsewhere', async (ctx) => {
    if (browserOptedOut()) ctx.skip();
    const browser: Browser = await launchChromium();
    try {
      const opened = await openReport(browser, dashboard.url);
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([]);
      await expect(opened.page.locator('h1').textContent()).resolves.toContain('pgvigil dashboard');
      const finding = opened.page.locator('.finding', { hasText: 'require-fk-index' });
      await expect(finding.count()).resolves.toBe(1);
      await expect(finding.isVisible()).resolves.toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('bound to every address, demands the random token it printed', async () => {
    const open = await serve(db, '0.0.0.0');
    try {
      expect(open.tokenRequired).toBe(true);
      const withToken = new URL(open.url.replace('0.0.0.0', '127.0.0.1'));
      expect(withToken.searchParams.get('token')).toMatch(/^[\w-]{22}$/);
      const bare = new URL(withToken);
      bare.search = '';
      expect((await fetch(bare)).status).toBe(401);
      const reply = await fetch(new URL('/api/report', bare), {
        headers: { authorization: `Bearer ${withToken.searchParams.get('token')}` },
      });
      expect(reply.status).toBe(200);
    } finally {
      await open.close();
    }
  }, 60_000);
});
