import { readdir, readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/check/run-check.js';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import type { Engine } from '../../src/engine/engine.js';
import { openPglite } from '../../src/engine/pglite.js';
import { discoverProject } from '../../src/project/discover.js';
import { renderRulesIndex } from '../../src/rules/docs-index.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { loadMigrations } from '../../src/sources/migrations/list-migrations.js';
import { resetDatabase } from '../../src/verify/reset-database.js';
import { verifyMigrations } from '../../src/verify/verify-migrations.js';
import { resetPublicSchema } from '../rules/support/schema-rule-harness.js';
import { tempProject } from '../support/temp-project.js';

const DOCS = new URL('../../docs/rules/', import.meta.url);
const page = (id: string) => readFile(new URL(`${id}.md`, DOCS), 'utf8');

function examples(markdown: string, kind: 'bad' | 'good'): string[] {
  return [...markdown.matchAll(new RegExp(`\`\`\`sql ${kind}\\n([\\s\\S]*?)\`\`\``, 'g'))].map(
    (m) => m[1] ?? '',
  );
}

describe('docs/rules', () => {
  it('has one page per rule id and no page without a rule', async () => {
    const pages = (await readdir(DOCS))
      .filter((name) => name !== 'README.md')
      .map((name) => name.replace(/\.md$/, ''));
    expect(pages.sort()).toEqual(allRuleMetas.map((meta) => meta.id).sort());
  });

  it('has an index generated from the registry (npm run docs)', async () => {
    expect(await page('README')).toBe(renderRulesIndex(allRuleMetas));
  });

  for (const meta of allRuleMetas) {
    it(`${meta.id}: title, category and severity match the rule`, async () => {
      const text = await page(meta.id);
      expect(text.startsWith(`# ${meta.id}\n`)).toBe(true);
      expect(text).toContain(
        `**Category:** ${meta.category} · **Default severity:** ${meta.defaultSeverity}`,
      );
      expect(text).toContain(meta.summary);
    });
  }
});

describe('docs/rules pages of plan rules', () => {
  for (const meta of allRuleMetas.filter((m) => m.group === 'plan')) {
    it(`${meta.id}: says what it means and what to do, lists every threshold with its default`, async () => {
      const text = await page(meta.id);
      for (const heading of ['## What it means', '## What to do', '## Plan fields used', '## Thresholds'])
        expect(text).toContain(heading);
      for (const [name, threshold] of Object.entries(meta.thresholds ?? {}))
        expect(text).toContain(`| \`${name}\` | ${threshold.default} | ${threshold.description} |`);
      expect(text).toContain(`rules.${meta.id}.options`);
    });
  }
});

describe('docs/rules pages of n-plus-one rules', () => {
  for (const meta of allRuleMetas.filter((m) => m.group === 'n-plus-one')) {
    it(`${meta.id}: says what it means and what to do, lists every threshold with its default`, async () => {
      const text = await page(meta.id);
      for (const heading of ['## What it means', '## What to do']) expect(text).toContain(heading);
      const thresholds = Object.entries(meta.thresholds ?? {});
      if (thresholds.length === 0) return;
      expect(text).toContain('## Thresholds');
      for (const [name, threshold] of thresholds)
        expect(text).toContain(`| \`${name}\` | ${threshold.default} | ${threshold.description} |`);
      expect(text).toContain(`rules.${meta.id}.options`);
    });
  }
});

describe('docs/rules examples, run through pgvigil check', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await openPglite();
  });
  afterAll(async () => {
    await engine.close();
  });

  /**
   * An example is a schema; a line `-- migration` splits it into the schema as it stands and one
   * pending golang-migrate migration (what migration rules judge).
   */
  function exampleProject(sql: string): Record<string, string> {
    const [schema = '', migration] = sql.split(/^-- migration\n/m);
    return migration === undefined
      ? { 'schema.sql': schema }
      : { 'schema.sql': schema, 'migrations/000001_example.up.sql': migration };
  }

  /**
   * A verify rule's example: the schema, `-- migration`, the up step, and after a line `-- down`
   * the down step (none without that line), verified as one golang-migrate migration.
   */
  async function verifyReported(sql: string, ruleId: string): Promise<string[]> {
    await resetDatabase(engine);
    const [schema = '', steps = ''] = sql.split(/^-- migration\n/m);
    const [up = '', down] = steps.split(/^-- down\n/m);
    const dir = await tempProject({
      'schema.sql': schema,
      'migrations/000001_example.up.sql': up,
      ...(down === undefined ? {} : { 'migrations/000001_example.down.sql': down }),
    });
    const result = await verifyMigrations(engine, {
      schemaFiles: [`${dir}/schema.sql`],
      migrations: (await loadMigrations(`${dir}/migrations`)).migrations,
      settings: resolveRuleSettings({ rules: { [ruleId]: 'info' } }, allRuleMetas),
    });
    return [...new Set(result.diagnostics.map((d) => d.rule))];
  }

  // The page's own rule runs even when it is opt-in; other rules keep their defaults.
  async function rulesReported(sql: string, ruleId: string): Promise<string[]> {
    if (allRuleMetas.find((meta) => meta.id === ruleId)?.group === 'verify')
      return verifyReported(sql, ruleId);
    await resetPublicSchema(engine);
    const dir = await tempProject(exampleProject(sql));
    const result = await runCheck(
      await discoverProject(dir),
      resolveRuleSettings({ rules: { [ruleId]: 'info' } }, allRuleMetas),
      {
        engine,
      },
    );
    return [...new Set(result.diagnostics.map((d) => d.rule))];
  }

  // Plan rules judge plans, not schemas: their examples are real plans in test/rules/plan, on both engines.
  // N+1 rules judge logs, traces and code: their cases are real logs and code in test/nplusone.
  // Live rules judge a running server's statistics: their cases are planted on the test server (test/live, test/top).
  // Pooling rules judge SQL, logs, code and pools behind a pooler: their cases run through a real PgBouncer (test/pooling).
  for (const meta of allRuleMetas.filter(
    (m) => !['plan', 'n-plus-one', 'live', 'pooling'].includes(m.group),
  )) {
    it(`${meta.id}: each bad example yields exactly this rule, each good one nothing`, async () => {
      const text = await page(meta.id);
      const bad = examples(text, 'bad');
      const good = examples(text, 'good');
      expect(bad.length).toBeGreaterThan(0);
      expect(good.length).toBeGreaterThan(0);
      for (const sql of bad) expect(await rulesReported(sql, meta.id), sql).toEqual([meta.id]);
      for (const sql of good) expect(await rulesReported(sql, meta.id), sql).toEqual([]);
    });
  }
});
