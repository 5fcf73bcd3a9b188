/**
 * What a finding claims PostgreSQL will do (see hazard-rules.ts):
 * - work: the statement rewrites, scans, validates or builds over the table's rows, or backfills them;
 * - refusal: PostgreSQL will refuse the statement;
 * - lock: a strong lock, with no claim of work over the rows.
 * A finding with no claim (style, timeout policy, compatibility) is listed but never counted.
 */
export type Claim = 'work' | 'refusal' | 'lock';

/** One finding of one tool on one case. */
export interface ToolFinding {
  readonly rule: string;
  readonly claim: Claim | undefined;
}

export interface ToolRun {
  readonly findings: readonly ToolFinding[];
  /** The tool could not judge the case (crashed, or printed no report). */
  readonly error?: string;
}

const claims = (run: ToolRun, wanted: readonly Claim[]): boolean =>
  run.findings.some((f) => f.claim !== undefined && wanted.includes(f.claim));

/** Any hazard claim at all: what a hazardous case needs and a safe case must not have. */
export const flagged = (run: ToolRun): boolean => claims(run, ['work', 'refusal', 'lock']);

/** A claim of something a brief ACCESS EXCLUSIVE case measurably did not do: work over the rows, or a refusal. */
export const claimsWork = (run: ToolRun): boolean => claims(run, ['work', 'refusal']);

export const claimsLock = (run: ToolRun): boolean => claims(run, ['lock']);

const MARK: Readonly<Record<Claim, string>> = { work: '*', refusal: '*', lock: '°' };

/** Rule ids in first-seen order; `*` = a work or refusal claim, `°` = a lock claim. */
export function ruleList(run: ToolRun): string {
  const ids = [...new Set(run.findings.map((f) => `${f.rule}${f.claim ? MARK[f.claim] : ''}`))];
  return run.error ? `error: ${run.error}` : ids.join(', ');
}
