import { type Diagnostic, SEVERITY_RANK, type Severity } from '../diagnostics/diagnostic.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** 1 when any finding is at least as severe as failOn, else 0. */
export function exitCodeFor(diagnostics: readonly Diagnostic[], failOn: Severity): number {
  const threshold = SEVERITY_RANK[failOn];
  return diagnostics.some((d) => SEVERITY_RANK[d.severity] >= threshold) ? EXIT_FINDINGS : EXIT_CLEAN;
}
