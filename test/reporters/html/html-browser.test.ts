import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROMISES } from '../../../src/reporters/html/promises.js';
import { renderHtml } from '../../../src/reporters/html.js';
import { cli } from '../../support/run-cli.js';
import { browserOptedOut, launchChromium, type OpenedReport, openReport } from './browser.js';
import { hostileReport, IMG_PAYLOAD, SCRIPT_PAYLOAD } from './hostile.js';

const SCHEMA = 'examples/blog/schema.sql';
const JOIN_QUERY =
  'SELECT u.id, count(*) FROM users u JOIN comments c ON c.author_id = u.id GROUP BY u.id ORDER BY 2 DESC LIMIT 10';
/** Run before the page's script: a browser without navigator.clipboard. */
const NO_CLIPBOARD_API = "Object.defineProperty(navigator, 'clipboard', { value: undefined });";

const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;
/** A query whose literals are markup: its plan's Filter carries them into the report. */
const HOSTILE_QUERY = `SELECT ${literal(SCRIPT_PAYLOAD)} AS x, title FROM posts WHERE title <> ${literal(IMG_PAYLOAD)}`;

async function visibleSeverities(page: Page): Promise<string[]> {
  return page
    .locator('.finding:visible')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-severity') ?? ''));
}

describe.skipIf(browserOptedOut())('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;
  const files = { check: '', explain: '', lint: '', hostile: '', hostileExplain: '' };

  async function report(name: string, ...argv: string[]): Promise<string> {
    const file = join(dir, `${name}.html`);
    const run = await cli(...argv, '--format', 'html', '--output', file);
    expect(run.stderr).toBe('');
    return file;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pgvigil-html-'));
    browser = await launchChromium();
    files.check = await report('check', 'check', 'examples/blog');
    files.explain = await report('explain', 'explain', JOIN_QUERY, '--schema', SCHEMA);
    files.hostileExplain = await report('hostile-explain', 'explain', HOSTILE_QUERY, '--schema', SCHEMA);
    files.lint = await report(
      'lint',
      'lint',
      'test/reporters/html/fixtures/traced-migration.sql',
      '--schema',
      SCHEMA,
      '--trace',
    );
    files.hostile = join(dir, 'hostile.html');
    await writeFile(files.hostile, renderHtml(hostileReport()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function open(name: keyof typeof files, init?: string): Promise<OpenedReport> {
    return openReport(browser, resolve(files[name]), init);
  }

  it.each(['check', 'explain', 'lint', 'hostile', 'hostileExplain'] as const)(
    '%s report loads with no console error and asks for nothing over the network',
    async (name) => {
      const opened = await open(name);
      await opened.page.locator('#summary').waitFor();
      expect(opened.errors).toEqual([]);
      expect(opened.requests).toEqual([]);
      await opened.context.close();
    },
  );

  it('check examples/blog: fails the promises it broke, with every finding shown', async () => {
    const { page, context } = await open('check');
    const promises = await page
      .locator('.card')
      .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-promise')));
    expect(promises.slice(0, 6)).toEqual(PROMISES.filter((p) => p.core).map((p) => p.id));
    expect(await page.locator('.card[data-promise="foreign-keys-indexed"] .status').textContent()).toContain(
      'fail',
    );
    expect(await page.locator('.card[data-promise="migrations-reversible"] .status').textContent()).toContain(
      'pass',
    );
    const findings = await page.locator('.finding').count();
    expect(await page.locator('#shown-count').textContent()).toBe(
      `${findings} of ${findings} findings shown`,
    );
    const frame = page.locator(
      '#promise-foreign-keys-indexed .finding[data-rule="require-fk-index"] .frame .carets',
    );
    expect(await frame.count()).toBe(1);
    // The plan behind every query file's findings, one tree per query.
    const headings = await page.locator('#plans h3').allTextContents();
    expect(headings.some((h) => h.startsWith('examples/blog/queries/search_posts.sql:'))).toBe(true);
    expect(headings.some((h) => h.startsWith('examples/blog/queries/comments_of_user.sql:'))).toBe(true);
    await context.close();
  });

  it('filters findings by severity and by rule', async () => {
    const { page, context } = await open('check');
    const all = await visibleSeverities(page);
    expect(new Set(all)).toEqual(new Set(['error', 'warning', 'info']));
    await page.locator('.severity-filter[value="warning"]').uncheck();
    await page.locator('.severity-filter[value="info"]').uncheck();
    const errors = await visibleSeverities(page);
    expect(errors.length).toBe(all.filter((s) => s === 'error').length);
    expect(new Set(errors)).toEqual(new Set(['error']));
    expect(await page.locator('#promise-n-plus-one').isHidden()).toBe(true);
    await page.locator('.severity-filter[value="warning"]').check();
    await page.locator('#rule-filter').selectOption('seq-scan-large-table');
    const rules = await page
      .locator('.finding:visible')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-rule')));
    expect(rules.length).toBeGreaterThan(0);
    expect(new Set(rules)).toEqual(new Set(['seq-scan-large-table']));
    expect(await page.locator('#shown-count').textContent()).toBe(
      `${rules.length} of ${all.length} findings shown`,
    );
    await context.close();
  });

  it('copies the suggested SQL to the clipboard', async () => {
    const { page, context } = await open('check');
    const finding = page.locator('.finding[data-rule="require-fk-index"]');
    await finding.locator('button.copy').click();
    await expect.poll(() => finding.locator('button.copy').textContent()).toBe('Copied');
    const copied = await page.evaluate('navigator.clipboard.readText()');
    expect(copied).toBe(await finding.locator('.sql code').textContent());
    expect(copied).toMatch(/^CREATE INDEX CONCURRENTLY /);
    await context.close();
  });

  it('copies through the fallback when the page has no clipboard API', async () => {
    const { page, context } = await open('check', NO_CLIPBOARD_API);
    const button = page.locator('.finding[data-rule="require-fk-index"] button.copy');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Copied');
    expect(await button.getAttribute('data-copied')).toBe('fallback');
    await context.close();
  });

  it('explain: draws the plan, shows a node’s details on click and folds its children', async () => {
    const { page, context } = await open('explain');
    const root = page.locator('.plan .tree > .node');
    expect(await root.getAttribute('class')).toMatch(/hot/);
    const scan = page.locator('.node-row', { hasText: 'Seq Scan on comments' });
    await scan.click();
    const details = page.locator('.plan .node-details');
    expect(await details.isVisible()).toBe(true);
    await expect.poll(() => details.locator('h4').textContent()).toBe('Seq Scan on comments c');
    expect(await details.textContent()).toContain('Relation Name');
    expect(await details.textContent()).toContain('time (own)');
    const toggle = root.locator(':scope > .node-row button.toggle');
    await toggle.click();
    expect(await scan.isHidden()).toBe(true);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await scan.isVisible()).toBe(true);
    await context.close();
  });

  it('lint --trace: shows the lock timeline with the rewrite and scans marked', async () => {
    const { page, context } = await open('lint');
    const timeline = page.locator('#timelines table.lock-timeline');
    await expect
      .poll(() => timeline.locator('tbody th.lock .table').first().textContent())
      .toBe('public.posts');
    expect(await timeline.locator('th.statement[data-line="3"] .mark.rewrite').count()).toBe(1);
    expect(await timeline.locator('th.statement[data-line="4"] .mark.scan').count()).toBe(1);
    // Taken on line 3 and held through the UPDATE on line 6, until the COMMIT.
    expect(await timeline.locator('tbody tr').first().locator('td.held').count()).toBe(4);
    await context.close();
  });

  it('hostile text runs nothing and reads as text', async () => {
    const { page, context } = await open('hostile');
    await page.locator('.finding').first().hover();
    await page.locator('.node-row').last().click();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.images.length')).toBe(0);
    expect(await page.locator('.finding .message').first().textContent()).toContain(SCRIPT_PAYLOAD);
    expect(await page.locator('.plan .node-details').textContent()).toContain(IMG_PAYLOAD);
    await context.close();
  });

  it('a hostile query given to explain runs nothing and reads as text', async () => {
    const { page, context } = await open('hostileExplain');
    await page.locator('.node-row', { hasText: 'Seq Scan on posts' }).click();
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.evaluate('document.images.length')).toBe(0);
    expect(await page.locator('.plan .node-details').textContent()).toContain(literal(IMG_PAYLOAD));
    await context.close();
  });
});
