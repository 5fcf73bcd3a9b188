import { SYNTAX_ERROR, UNKNOWN_IGNORE_RULE } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import { closest } from '../util/closest.js';
import { inputDiagnostic } from './input-diagnostic.js';
import type { SqlComment } from './split.js';
import type { Statement } from './statement.js';

export interface IgnoreDirective {
  readonly scope: 'statement' | 'file';
  readonly rules: readonly string[];
  readonly reason?: string;
  /** Where the comment is. */
  readonly span: SourceSpan;
  /** For scope 'statement': the lines of the statement that follows, if any does. */
  readonly target?: { readonly line: number; readonly endLine: number };
}

const DIRECTIVE = /^--\s*pgvigil-ignore(-file)?\s+([^\s,]+(?:\s*,\s*[^\s,]+)*)(?:\s+(.*\S))?\s*$/;

/**
 * Reads `-- pgvigil-ignore rule-a[,rule-b] [reason]` (applies to the next statement) and
 * `-- pgvigil-ignore-file rule-a[,rule-b] [reason]` (applies to the whole file) from the
 * scanner's comment tokens, so look-alikes inside strings or function bodies never count.
 */
export function readIgnores(
  comments: readonly SqlComment[],
  statements: readonly Statement[],
): IgnoreDirective[] {
  const directives: IgnoreDirective[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const scope = match[1] ? 'file' : 'statement';
    const rules = (match[2] ?? '').split(',').map((rule) => rule.trim());
    const next =
      scope === 'statement' ? statements.find((statement) => statement.start >= comment.end) : undefined;
    directives.push({
      scope,
      rules,
      span: comment.span,
      ...(match[3] ? { reason: match[3] } : {}),
      ...(next ? { target: { line: next.span.line, endLine: next.span.endLine } } : {}),
    });
  }
  return directives;
}

export interface AppliedIgnores {
  readonly kept: readonly Diagnostic[];
  /** unknown-ignore-rule findings for ids that name no rule. */
  readonly extra: readonly Diagnostic[];
}

export function applyIgnores(
  diagnostics: readonly Diagnostic[],
  directives: readonly IgnoreDirective[],
  knownRuleIds: ReadonlySet<string>,
): AppliedIgnores {
  return {
    kept: diagnostics.filter(
      (diagnostic) => !directives.some((directive) => suppresses(directive, diagnostic)),
    ),
    extra: directives.flatMap((directive) =>
      directive.rules
        .filter((rule) => !knownRuleIds.has(rule))
        .map((rule) => unknownRule(directive, rule, knownRuleIds)),
    ),
  };
}

function suppresses(directive: IgnoreDirective, diagnostic: Diagnostic): boolean {
  // A file that does not parse was not checked; hiding that would hide everything else too.
  if (diagnostic.rule === SYNTAX_ERROR.id || !directive.rules.includes(diagnostic.rule)) return false;
  if (diagnostic.file !== undefined && diagnostic.file !== directive.span.file) return false;
  if (directive.scope === 'file') return true;
  const line = diagnostic.line;
  return (
    directive.target !== undefined &&
    line !== undefined &&
    line >= directive.target.line &&
    line <= directive.target.endLine
  );
}

function unknownRule(
  directive: IgnoreDirective,
  rule: string,
  knownRuleIds: ReadonlySet<string>,
): Diagnostic {
  const suggestion = closest(rule, knownRuleIds);
  return inputDiagnostic(UNKNOWN_IGNORE_RULE, directive.span, {
    message: `pgvigil-ignore names \`${rule}\`, which is not a pgvigil rule.`,
    why: 'An ignore comment with a misspelled id silences nothing, so the finding it was meant for still shows.',
    help: suggestion
      ? `Did you mean \`${suggestion}\`?`
      : 'Use a rule id from the docs, or remove the comment.',
    data: { rule, ...(suggestion ? { suggestion } : {}) },
  });
}
