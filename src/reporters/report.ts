import { type Diagnostic, SEVERITY_RANK, type Severity } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { PartialRun } from '../migrate/incomplete-run.js';
import type { Plan } from '../plan/model.js';

/** A query plan a command made or read, for reporters that draw plans (html). */
export interface ReportPlan {
  /** file:line of the statement, the plan file, or undefined for a query given inline. */
  readonly label?: string;
  /** How the plan was made: 'analyzed' (run and measured), 'generic', 'read-only', 'estimated', 'file'. */
  readonly mode: string;
  readonly plan: Plan;
}

/** Everything a reporter needs; reporters are pure functions of it. */
export interface Report {
  readonly diagnostics: readonly Diagnostic[];
  /** Metadata of every rule that ran: the SARIF rule table and docs links derive from it. */
  readonly rules: readonly RuleMeta[];
  /** File path as the user gave it → file text, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly filesChecked: number;
  readonly tool: { readonly name: 'pgvigil'; readonly version: string };
  /** The plans behind the findings (explain), when the command made any. */
  readonly plans?: readonly ReportPlan[];
  /** The run stopped before its end (the connection to the server lost): these are the findings so far. */
  readonly partial?: PartialRun;
}

export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly filesChecked: number;
  readonly byRule: Readonly<Record<string, number>>;
}

export function summarize(report: Report): Summary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byRule: Record<string, number> = {};
  for (const diagnostic of sortDiagnostics(report.diagnostics)) {
    bySeverity[diagnostic.severity] += 1;
    byRule[diagnostic.rule] = (byRule[diagnostic.rule] ?? 0) + 1;
  }
  return {
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    infos: bySeverity.info,
    filesChecked: report.filesChecked,
    byRule,
  };
}

/**
 * File, line, column, severity (errors first: at one place, or for one live database, the worst leads),
 * rule, then message, so output is identical from run to run whatever order the analyses finished in.
 * Findings without a file come last.
 * Plain code-unit comparison rather than localeCompare: the order must not depend on the machine's locale.
 */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): readonly Diagnostic[] {
  return [...diagnostics].sort(compareDiagnostics);
}

function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareOptional(a.file, b.file, compareStrings) ||
    compareOptional(a.line, b.line, compareNumbers) ||
    compareOptional(a.column, b.column, compareNumbers) ||
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(a.message, b.message)
  );
}

function compareOptional<T>(a: T | undefined, b: T | undefined, compare: (x: T, y: T) => number): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? 1 : -1;
  return compare(a, b);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNumbers(a: number, b: number): number {
  return a - b;
}
