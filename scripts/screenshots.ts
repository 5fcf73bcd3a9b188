/**
 * Screenshots of the HTML report of examples/blog for the docs and README:
 * `npx tsx scripts/screenshots.ts` (needs chromium, as the browser tests do).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../src/cli/run.js';
import { launchChromium } from '../test/reporters/html/browser.js';

const SCHEMA = 'examples/blog/schema.sql';
const EXPLAINED =
  'SELECT u.id, count(*) FROM users u JOIN comments c ON c.author_id = u.id GROUP BY u.id ORDER BY 2 DESC LIMIT 10';

async function report(dir: string, name: string, argv: readonly string[]): Promise<string> {
  const file = join(dir, `${name}.html`);
  const io = {
    stdout: () => {},
    stderr: (text: string) => process.stderr.write(text),
    env: {},
    isTty: false,
  };
  await runCli([...argv, '--format', 'html', '--output', file], io);
  return `file://${resolve(file)}`;
}

const dir = await mkdtemp(join(tmpdir(), 'pgvigil-shots-'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 980 } });
  await page.goto(await report(dir, 'check', ['check', 'examples/blog']));
  await page.screenshot({ path: 'docs/html-report.png' });

  await page.goto(await report(dir, 'explain', ['explain', EXPLAINED, '--schema', SCHEMA]));
  await page.locator('.node-row', { hasText: 'Seq Scan on comments' }).click();
  await page.locator('#plans').screenshot({ path: 'docs/html-report-plan.png' });

  await page.goto(
    await report(dir, 'lint', ['lint', 'examples/blog/migrations', '--schema', SCHEMA, '--trace']),
  );
  await page.locator('#timelines').screenshot({ path: 'docs/html-report-timeline.png' });
  console.log('wrote docs/html-report.png, docs/html-report-plan.png, docs/html-report-timeline.png');
} finally {
  await browser.close();
  await rm(dir, { recursive: true, force: true });
}
