import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { cli } from '../support/run-cli.js';
import { blogWorkload } from './support/blog-workload.js';

describe('pgvigil advise', () => {
  it('lists the suggestions with their statements, costs and the workload total; json and sarif carry index-advice', async () => {
    const w = await blogWorkload();
    const args = ['advise', `${w.dir}/queries`, '--schema', w.schema, '--schema', w.data, '--rows', '1000'];
    const text = await cli(...args);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      '1. CREATE INDEX CONCURRENTLY comments_author_id_created_at_idx ON public.comments USING btree (author_id, created_at DESC);',
    );
    expect(text.stdout).toMatch(/comments_of_user\.sql:2 +cost [\d.]+ → [\d.]+ \(−\d+%\)/);
    expect(text.stdout).toMatch(
      /Workload of 6 queries: planned cost [\d.]+ → [\d.]+ with all \d suggested indexes/,
    );
    expect(text.stdout).toContain('public.users_email_key already is this index');
    const json = await cli(...args, '--format', 'json');
    const advice = (JSON.parse(json.stdout).diagnostics as Diagnostic[]).filter(
      (d) => d.rule === 'index-advice',
    );
    expect(advice.length).toBeGreaterThan(0);
    expect(
      advice.every((d) => d.severity === 'info' && d.suggestedSql?.startsWith('CREATE INDEX CONCURRENTLY')),
    ).toBe(true);
    const sarif = JSON.parse((await cli(...args, '--format', 'sarif')).stdout);
    expect(sarif.runs[0].results.some((r: { ruleId: string }) => r.ruleId === 'index-advice')).toBe(true);
  }, 180_000);

  it('says why when nothing helps: every query already served', async () => {
    const run = await cli(
      'advise',
      'examples/blog/queries/front_page.sql',
      '--schema',
      'examples/blog/schema.sql',
      '--rows',
      '2000',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/No index saves a query enough: \d+ candidates tried/);
  }, 60_000);

  it('gives one-line errors for a missing input or a budget that is not a number', async () => {
    const missing = await cli('advise', 'no/such/queries', '--schema', 'examples/blog/schema.sql');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'pgvigil: no/such/queries: no such file or directory; give a queries folder or a .sql file.\n',
    );
    const budget = await cli('advise', 'examples/blog/queries', '--max-indexes', 'many');
    expect(budget.code).toBe(2);
    expect(budget.stderr).toMatch(/^pgvigil: --max-indexes many is not a whole number/);
  }, 60_000);
});
