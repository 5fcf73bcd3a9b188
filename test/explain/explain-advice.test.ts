import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexAdviceMeta } from '../../src/advisor/index-advice-meta.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { runExplain } from '../../src/explain/run-explain.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { type BlogServer, blogServer } from '../advisor/support/blog-server.js';
import { blogWorkload } from '../advisor/support/blog-workload.js';
import { testServerUrl } from '../support/engines.js';

const SETTINGS = resolveRuleSettings({ rules: {} }, allRuleMetas);
const OPTIONS = { timeoutMs: 30_000, rowsPerTable: 1000, settings: SETTINGS } as const;
const COMMENTS_INDEX =
  'CREATE INDEX CONCURRENTLY comments_author_id_created_at_idx ON public.comments USING btree (author_id, created_at DESC);';
const LATEST_COMMENTS = 'SELECT id, body FROM comments WHERE author_id = 7 ORDER BY created_at DESC LIMIT 50';

function advice(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((d) => d.rule === indexAdviceMeta.id);
}

/** The advice must be proven: planned cheaper with the index than without it. */
function expectProven(found: Diagnostic | undefined): void {
  expect(found?.suggestedSql).toBe(COMMENTS_INDEX);
  const [gain] = (found?.data?.queries ?? []) as { costBefore: number; costAfter: number }[];
  expect(gain && gain.costAfter < gain.costBefore * 0.7).toBe(true);
  expect(found?.data?.sizeBytes).toBeGreaterThan(0);
}

describe('explain with the index advisor on the embedded engine', () => {
  let workload: Awaited<ReturnType<typeof blogWorkload>>;
  beforeAll(async () => {
    workload = await blogWorkload();
  });

  it('adds the proven index to the plan findings of a query file, on its statement', async () => {
    const result = await runExplain({
      ...OPTIONS,
      input: `${workload.dir}/queries/comments_of_user.sql`,
      schemaFiles: [workload.schema, workload.data],
    });
    const [found, ...more] = advice(result.diagnostics);
    expect(more).toHaveLength(0);
    expectProven(found);
    expect(found?.file).toBe(`${workload.dir}/queries/comments_of_user.sql`);
    // The plan findings stay: the seq scan the index removes is still reported on the plan as run.
    expect(result.diagnostics.some((d) => d.rule === 'seq-scan-large-table')).toBe(true);
    expect(result.notes.some((n) => n.includes('rolled back'))).toBe(true);
  }, 120_000);

  it('advises an inline query too, and says why when the existing indexes already serve it', async () => {
    const inline = await runExplain({
      ...OPTIONS,
      input: LATEST_COMMENTS,
      schemaFiles: [workload.schema, workload.data],
    });
    expectProven(advice(inline.diagnostics)[0]);
    const served = await runExplain({
      ...OPTIONS,
      input: `${workload.dir}/queries/front_page.sql`,
      schemaFiles: [workload.schema, workload.data],
    });
    expect(advice(served.diagnostics)).toHaveLength(0);
    expect(served.notes.join('\n')).toMatch(/posts_published_at_idx already is this index/);
  }, 240_000);

  it('gives no advice when the config turns index-advice off', async () => {
    const off = resolveRuleSettings({ rules: { 'index-advice': 'off' } }, allRuleMetas);
    const result = await runExplain({
      ...OPTIONS,
      settings: off,
      input: LATEST_COMMENTS,
      schemaFiles: [workload.schema, workload.data],
    });
    expect(advice(result.diagnostics)).toHaveLength(0);
    expect(result.diagnostics.some((d) => d.rule === 'seq-scan-large-table')).toBe(true);
  }, 120_000);
});

describe.runIf(testServerUrl())('explain --db with the index advisor', () => {
  let server: BlogServer;
  beforeAll(async () => {
    server = await blogServer('pgvigil_explain_advice');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('with HypoPG: the same proven index, and the database keeps exactly its indexes', async () => {
    await server.db.exec('CREATE EXTENSION IF NOT EXISTS hypopg');
    const before = await server.indexCount();
    const result = await runExplain({ ...OPTIONS, input: LATEST_COMMENTS, schemaFiles: [], db: server.url });
    expectProven(advice(result.diagnostics)[0]);
    expect(result.notes.some((n) => n.includes('HypoPG hypothetical indexes'))).toBe(true);
    expect(await server.indexCount()).toBe(before);
    await server.db.exec('DROP EXTENSION hypopg');
  }, 120_000);

  it('without HypoPG: the plan findings and a note; with --scratch: advice from a scratch copy', async () => {
    const plain = await runExplain({ ...OPTIONS, input: LATEST_COMMENTS, schemaFiles: [], db: server.url });
    expect(advice(plain.diagnostics)).toHaveLength(0);
    expect(plain.diagnostics.some((d) => d.rule === 'seq-scan-large-table')).toBe(true);
    expect(plain.notes.join('\n')).toMatch(/No index advice: this database has no HypoPG .* add --scratch/);
    const before = await server.indexCount();
    const scratch = await runExplain({
      ...OPTIONS,
      input: LATEST_COMMENTS,
      schemaFiles: [],
      db: server.url,
      scratch: true,
    });
    const [found] = advice(scratch.diagnostics);
    expect(found?.suggestedSql).toMatch(
      /^CREATE INDEX CONCURRENTLY comments_author_id\w*_idx ON public\.comments USING btree \(author_id/,
    );
    expect(scratch.notes.join('\n')).toContain(
      'scratch database created on the server and dropped afterwards',
    );
    expect(await server.indexCount()).toBe(before);
  }, 180_000);
});
