import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's chromium (apt-get install chromium; .ci/run installs it). PGVIGIL_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.PGVIGIL_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * Without chromium the browser tests fail, as server tests do without their server: in CI always,
 * locally unless PGVIGIL_TEST_NO_BROWSER=1 leaves them out on purpose.
 */
export function browserOptedOut(): boolean {
  if (existsSync(CHROMIUM_PATH)) return false;
  if (process.env.PGVIGIL_TEST_NO_BROWSER === '1' && process.env.CI !== 'true') {
    console.warn(
      `\n!!! PGVIGIL_TEST_NO_BROWSER=1: no chromium at ${CHROMIUM_PATH}; the HTML browser tests are left out.\n`,
    );
    return true;
  }
  return false;
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(
      `chromium not found at ${CHROMIUM_PATH}: install the Debian package (apt-get install chromium), set PGVIGIL_CHROMIUM, or PGVIGIL_TEST_NO_BROWSER=1 outside CI.`,
    );
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

export interface OpenedReport {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: readonly string[];
  /** Every URL the page asked for besides the report file itself. */
  readonly requests: readonly string[];
}

/**
 * Opens a report file (or an http:// address: the dashboard) in a fresh context (init: a script to run
 * before the page's own) that may use the clipboard, recording errors and requests.
 */
export async function openReport(browser: Browser, file: string, init?: string): Promise<OpenedReport> {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const url = /^https?:\/\//.test(file) ? file : `file://${file}`;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, context, errors, requests };
}
