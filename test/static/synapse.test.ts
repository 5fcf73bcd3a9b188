import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRuleSettings } from '../../src/config/rule-settings.js';
import { allRuleMetas } from '../../src/rules/registry.js';
import { initSql, parseSql } from '../../src/sql/parser.js';
import { lintStatic } from '../../src/static/lint-static.js';
import { corpusPath } from '../support/corpus.js';

describe('lint --static on the Synapse deltas (real migrations no one here wrote)', () => {
  it('runs through all of them; each file PostgreSQL’s parser rejects gives syntax errors, one per broken statement', async () => {
    await initSql();
    const dir = corpusPath('migrations/synapse-deltas');
    const settings = resolveRuleSettings({ rules: {} }, allRuleMetas);
    const { diagnostics, sources } = await lintStatic(
      { root: dir, schemaFiles: [], migrationsDir: dir, migrationFiles: [] },
      settings,
    );
    const names = (await readdir(dir)).filter((name) => /\.sql(\.postgres)?$/.test(name));
    expect(sources.size).toBe(names.length);
    const rejected: string[] = [];
    for (const name of names)
      if (!parseSql(await readFile(join(dir, name), 'utf8')).ok) rejected.push(join(dir, name));
    const syntax = diagnostics.filter((d) => d.rule === 'syntax-error');
    expect([...new Set(syntax.map((d) => d.file))].sort()).toEqual(rejected.sort());
    const places = syntax.map((d) => `${d.file}:${d.line}`);
    expect(new Set(places).size).toBe(places.length);
    // The run went on past them: findings in files after the first rejected one.
    expect(diagnostics.filter((d) => d.rule !== 'syntax-error').length).toBeGreaterThan(100);
    expect(diagnostics.every((d) => d.rule === 'syntax-error' || d.data?.mode === 'static')).toBe(true);
  });
});
