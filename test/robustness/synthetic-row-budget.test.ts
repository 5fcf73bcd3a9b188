import { describe, expect, it } from 'vitest';
import { budgetRows, SYNTHETIC_ROW_BUDGET } from '../../src/explain/row-budget.js';
import { cli } from '../support/run-cli.js';
import { tempProject } from '../support/temp-project.js';

const SCHEMA = ['--schema', 'examples/blog/schema.sql'];
const BUDGET =
  "the embedded engine takes at most 1,000,000 synthetic rows in all tables together (PGlite holds them in memory: a million take about 30 s and 0.8 GB). Give fewer; for plans at production's size, export its statistics with pgvigil stats export --db <url> -o stats.json and pass --stats stats.json (row estimates are then production's).";

/** Exactly one line on stderr, exit code 2, nothing on stdout. */
async function refusal(...argv: string[]): Promise<string> {
  const run = await cli(...argv);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.code).toBe(2);
  return run.stderr;
}

async function configOf(rows: Record<string, number>): Promise<string> {
  const dir = await tempProject({ 'pgvigil.config.json': JSON.stringify({ data: { rows } }) });
  return `${dir}/pgvigil.config.json`;
}

describe('more synthetic rows than the embedded engine can hold', () => {
  // Each of these ran one INSERT ... SELECT generate_series of that many rows into PGlite, which did not
  // come back (1,000,000 rows took 30 s and 0.8 GB).
  it.each([
    [
      ['explain', 'SELECT 1', '--rows', '1000000000000'],
      '--rows 1000000000000 asks for 1,000,000,000,000 rows',
    ],
    [
      ['advise', 'examples/blog/queries', '--rows', 'posts=2000000'],
      '--rows posts=2000000 asks for 2,000,000 rows',
    ],
  ])(
    '%j is refused at once, naming the flag and what to do instead',
    async (argv, start) => {
      expect(await refusal(...argv, ...SCHEMA)).toBe(`pgvigil: ${start}, but ${BUDGET}\n`);
    },
    10_000,
  );

  it("the config's data.rows is capped too, named by file and key", async () => {
    const config = await configOf({ '*': 100, posts: 5_000_000 });
    expect(await refusal('explain', 'SELECT 1', ...SCHEMA, '--config', config)).toBe(
      `pgvigil: ${config}: data.rows.posts asks for 5,000,000 rows, but ${BUDGET}\n`,
    );
  }, 10_000);

  it('a flag wins over the config: a count the flag replaces is not refused', async () => {
    const config = await configOf({ '*': 100, posts: 5_000_000 });
    const run = await cli('explain', 'SELECT 1', ...SCHEMA, '--config', config, '--rows', 'posts=100');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Synthetic rows: 100 in each empty table');
  }, 60_000);

  it('counts each within the budget but over it in all are refused before the first row goes in', async () => {
    // 300,000 in each of the blog's 5 tables: 1.5 million rows, about 75 s and 1.3 GB without the cap.
    expect(await refusal('explain', 'SELECT 1', ...SCHEMA, '--rows', '300000')).toBe(
      `pgvigil: --rows 300000 asks for 1,500,000 rows (300,000 in each of 5 empty table(s)), but ${BUDGET}\n`,
    );
    const config = await configOf({ '*': 300_000 });
    expect(
      await refusal(
        'advise',
        'examples/blog/queries',
        ...SCHEMA,
        '--config',
        config,
        '--rows',
        'posts=500000',
      ),
    ).toBe(
      `pgvigil: --rows posts=500000 with data.rows in ${config} asks for 1,700,000 rows (public.posts 500,000, 300,000 in each of 4 other empty table(s)), but ${BUDGET}\n`,
    );
  }, 60_000);
});

describe('the row budget, table by table', () => {
  const tables = (n: number, rows: number): Map<string, number> =>
    new Map(Array.from({ length: n }, (_, i) => [`public.t${i}`, rows]));

  it("lowers pgvigil's default on a schema of many tables instead of refusing a run no one asked to size", () => {
    const budgeted = budgetRows({ rows: tables(150, 10_000), named: new Set(), defaultForOthers: true });
    expect(budgeted.lowered).toBe(6666);
    expect([...budgeted.rows.values()].every((n) => n === 6666)).toBe(true);
  });

  it('keeps the counts the user named and lowers only the default of the others', () => {
    const rows = tables(150, 10_000).set('public.posts', 400_000);
    const budgeted = budgetRows({ rows, named: new Set(['public.posts']), defaultForOthers: true });
    expect(budgeted.rows.get('public.posts')).toBe(400_000);
    expect(budgeted.rows.get('public.t0')).toBe(4000);
    const total = [...budgeted.rows.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(SYNTHETIC_ROW_BUDGET);
  });

  it('leaves counts within the budget alone', () => {
    const rows = tables(5, 200_000);
    expect(budgetRows({ rows, named: new Set(), defaultForOthers: false })).toEqual({ rows });
  });

  it('never lowers a count the user gave for every table', () => {
    expect(() =>
      budgetRows({
        rows: tables(150, 10_000),
        named: new Set(),
        defaultForOthers: false,
        givenBy: '--rows 10000',
      }),
    ).toThrow('--rows 10000 asks for 1,500,000 rows (10,000 in each of 150 empty table(s))');
  });
});
