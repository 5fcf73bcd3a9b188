import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import type { FeatureHit } from './feature-hits.js';

/** Where a finding points: a full span in a SQL file, or a line of a log or code file. */
export type FindingPlace =
  | SourceSpan
  | { readonly file: string; readonly line: number; readonly column?: number };

const STATEMENT_SHOWN = 200;

/** A session-feature use as a diagnostic, at the severity the pooler in front calls for. */
export function featureDiagnostic(
  hit: FeatureHit,
  place: FindingPlace,
  severity: Severity,
  data: Readonly<Record<string, unknown>> = {},
): Diagnostic {
  const text = hit.rule.describe(hit.use);
  const statement = hit.statement.replace(/\s+/g, ' ');
  return {
    rule: hit.rule.meta.id,
    category: hit.rule.meta.category,
    severity,
    ...text,
    ...place,
    data: {
      feature: hit.use.what,
      statement: statement.length > STATEMENT_SHOWN ? `${statement.slice(0, STATEMENT_SHOWN)}…` : statement,
      ...data,
    },
    docsUrl: docsUrl(hit.rule.meta.id),
  };
}
