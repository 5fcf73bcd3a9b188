import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl, type RuleMeta } from '../diagnostics/rule-meta.js';
import type { SourceSpan } from '../diagnostics/source-span.js';

export interface DiagnosticText {
  readonly message: string;
  readonly why?: string;
  readonly help?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** A diagnostic of one of the built-in input rules, placed at a span of the file. */
export function inputDiagnostic(meta: RuleMeta, span: SourceSpan, text: DiagnosticText): Diagnostic {
  return {
    rule: meta.id,
    category: meta.category,
    severity: meta.defaultSeverity,
    ...text,
    ...span,
    docsUrl: docsUrl(meta.id),
  };
}
