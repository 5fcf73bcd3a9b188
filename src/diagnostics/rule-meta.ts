import type { Category, Severity } from './diagnostic.js';

/** Where rule documentation lives; docsUrl of every diagnostic derives from it. */
export const DOCS_BASE_URL = 'https://github.com/pgvigil/pgvigil/blob/main/docs/rules/';

export type RuleGroup =
  | 'schema'
  | 'migration'
  | 'verify'
  | 'plan'
  | 'n-plus-one'
  | 'pooling'
  | 'live'
  | 'input';

export interface Threshold {
  readonly default: number;
  readonly description: string;
}

/** Everything about a rule except its check: the registry, docs index and SARIF rule table derive from it. */
export interface RuleMeta {
  /** kebab-case, starts with what it wants: require-, ban-, prefer-. Equals the file name and docs page name. */
  readonly id: string;
  readonly group: RuleGroup;
  readonly category: Category;
  readonly defaultSeverity: Severity;
  /** One sentence: what the rule finds. */
  readonly summary: string;
  /** false for opt-in rules (many teams disagree with them): they run only when the config names them. */
  readonly enabledByDefault?: boolean;
  /** Named thresholds the user can change in config under rules.<id>.options. */
  readonly thresholds?: Readonly<Record<string, Threshold>>;
  /**
   * Migration rules: the hazard lasts as long as work over every row (a build, scan, rewrite or
   * backfill), so on a table that live statistics call small it is only information.
   */
  readonly scalesWithTable?: boolean;
}

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
