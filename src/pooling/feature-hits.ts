import { sessionFeatureRules } from '../rules/pooling/pooling-rules.js';
import type { FeatureUse, SessionFeatureRule } from '../rules/pooling/session-feature-rule.js';
import type { SplitResult } from '../sql/split.js';

/** One use of a session feature in parsed SQL. */
export interface FeatureHit {
  readonly rule: SessionFeatureRule;
  readonly use: FeatureUse;
  /** Index in the parsed text: the node's location, or its statement's start when the node has none. */
  readonly start: number;
  /** End of the statement the use is in. */
  readonly end: number;
  readonly statement: string;
}

/** Every session-feature use in every statement that parsed, in text order. */
export function featureHits(split: SplitResult): FeatureHit[] {
  return split.statements.flatMap((statement) =>
    sessionFeatureRules.flatMap((rule) =>
      rule.find(statement.node).map((use) => ({
        rule,
        use,
        start: use.location >= 0 ? use.location : statement.start,
        end: statement.end,
        statement: statement.text,
      })),
    ),
  );
}
