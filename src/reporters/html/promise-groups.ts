import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.js';
import type { RuleMeta } from '../../diagnostics/rule-meta.js';
import type { Report } from '../report.js';
import { sortDiagnostics } from '../report.js';
import { PROMISES, type PromiseInfo, promiseOf } from './promises.js';

export interface PromiseGroup {
  readonly promise: PromiseInfo;
  readonly diagnostics: readonly Diagnostic[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Kept: no error and no warning (information alone does not break a promise). */
  readonly passed: boolean;
}

/** Every promise in summary order with its findings (sorted as every reporter sorts them). */
export function groupByPromise(report: Report): readonly PromiseGroup[] {
  const metas = new Map<string, RuleMeta>(report.rules.map((meta) => [meta.id, meta]));
  const sorted = sortDiagnostics(report.diagnostics);
  return PROMISES.map((promise) => {
    const diagnostics = sorted.filter((d) => promiseOf(d, metas) === promise.id);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const d of diagnostics) counts[d.severity] += 1;
    return { promise, diagnostics, counts, passed: counts.error === 0 && counts.warning === 0 };
  });
}

/** Findings by file in first-seen order; findings without a file (live checks) under undefined. */
export function byFile(
  diagnostics: readonly Diagnostic[],
): ReadonlyMap<string | undefined, readonly Diagnostic[]> {
  const files = new Map<string | undefined, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = files.get(d.file) ?? [];
    list.push(d);
    files.set(d.file, list);
  }
  return files;
}
