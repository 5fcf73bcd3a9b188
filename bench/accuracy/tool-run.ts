/** One finding of one tool on one case, and whether it claims a hazard (see hazard-rules.ts). */
export interface ToolFinding {
  readonly rule: string;
  readonly hazard: boolean;
}

export interface ToolRun {
  readonly findings: readonly ToolFinding[];
  /** The tool could not judge the case (crashed, or printed no report). */
  readonly error?: string;
}

export const flagged = (run: ToolRun): boolean => run.findings.some((f) => f.hazard);

/** Rule ids in first-seen order, hazards marked with `*`. */
export function ruleList(run: ToolRun): string {
  const ids = [...new Set(run.findings.map((f) => `${f.rule}${f.hazard ? '*' : ''}`))];
  return run.error ? `error: ${run.error}` : ids.join(', ');
}
