import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { RuleMeta } from '../../src/diagnostics/rule-meta.js';
import type { Report } from '../../src/reporters/report.js';

export const FK_INDEX_META: RuleMeta = {
  id: 'require-fk-index',
  group: 'schema',
  category: 'performance',
  defaultSeverity: 'warning',
  summary: 'Every foreign key has an index on its referencing columns.',
};

export const CONCURRENT_INDEX_META: RuleMeta = {
  id: 'require-concurrent-index',
  group: 'migration',
  category: 'locking',
  defaultSeverity: 'error',
  summary: 'CREATE INDEX on an existing table uses CONCURRENTLY.',
};

export function finding(overrides: Partial<Diagnostic> = {}): Diagnostic {
  return {
    rule: 'require-fk-index',
    category: 'performance',
    severity: 'warning',
    message: 'Foreign key orders.user_id has no index.',
    ...overrides,
  };
}

export function report(
  diagnostics: readonly Diagnostic[],
  sources: Record<string, string> = {},
  filesChecked = 1,
): Report {
  return {
    diagnostics,
    rules: [FK_INDEX_META, CONCURRENT_INDEX_META],
    sources: new Map(Object.entries(sources)),
    filesChecked,
    tool: { name: 'pgvigil', version: '0.1.0' },
  };
}
