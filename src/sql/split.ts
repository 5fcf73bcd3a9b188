import { UNSUPPORTED_INPUT } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import { inputDiagnostic } from './input-diagnostic.js';
import { parseChunk, type StatementDraft, syntaxError } from './parse-chunk.js';
import { parseSql } from './parser.js';
import { SourceText, type TextRange } from './positions.js';
import { type CopyBlock, extractPsqlInput, type MetaCommand } from './psql-input.js';
import { recoverStatements } from './recover.js';
import type { Statement } from './statement.js';
import { scanRange, type Token } from './tokens.js';

/** A `-- ...` comment of the file, as the scanner saw it. */
export interface SqlComment extends TextRange {
  readonly text: string;
  readonly span: SourceSpan;
}

export interface SplitResult {
  /** Converts any index found in statements or nodes into lines and columns. */
  readonly source: SourceText;
  readonly statements: readonly Statement[];
  readonly diagnostics: readonly Diagnostic[];
  readonly comments: readonly SqlComment[];
}

/**
 * Splits a SQL file into parsed statements. Never throws on bad input: syntax errors and
 * skipped psql meta-commands come back as diagnostics, and every statement that parses is kept.
 */
export function splitStatements(text: string, file: string): SplitResult {
  const psql = extractPsqlInput(SourceText.from(text));
  const source = psql.source;
  const tokens = scanRange(source);
  const whole = parseChunk(
    source,
    file,
    { start: 0, byteStart: 0, end: source.parseText.length },
    tokens ?? [],
  );
  const parsed = whole.ok
    ? { statements: whole.statements, errors: [], tokens: tokens ?? [] }
    : recoverStatements(source, file, tokens);
  const errors =
    whole.ok || parsed.errors.length > 0 ? parsed.errors : [wholeFileError(source, file, parsed.tokens)];
  return {
    source,
    statements: parsed.statements.map((draft, index) => withCopyData({ ...draft, index }, psql.copyBlocks)),
    diagnostics: [...psql.metaCommands.map((meta) => metaCommandSkipped(source, file, meta)), ...errors],
    comments: parsed.tokens
      .filter((token) => token.name === 'SQL_COMMENT')
      .map((token) => comment(source, file, token)),
  };
}

function withCopyData(
  statement: StatementDraft & { index: number },
  blocks: readonly CopyBlock[],
): Statement {
  const block = blocks.find((candidate) => candidate.statementStart === statement.start);
  return block ? { ...statement, copyData: block.data } : statement;
}

/** When each statement parses alone but the file did not, the file-level error is still reported. */
function wholeFileError(source: SourceText, file: string, tokens: readonly Token[]): Diagnostic {
  const outcome = parseSql(source.parseText);
  const error = outcome.ok ? { message: 'syntax error', cursorPosition: 0 } : outcome.error;
  return syntaxError(source, file, source.codePointsToIndex(0, error.cursorPosition), tokens, error.message);
}

function metaCommandSkipped(source: SourceText, file: string, meta: MetaCommand): Diagnostic {
  return inputDiagnostic(UNSUPPORTED_INPUT, source.spanOf(file, meta.start, meta.end), {
    message: `psql meta-command \`${meta.text.trim()}\` is not SQL and was skipped.`,
    why: 'Only psql understands backslash commands; the statements around it were checked without it.',
    help: 'Keep it if the file is only run by psql, or remove it so the file is plain SQL.',
  });
}

function comment(source: SourceText, file: string, token: Token): SqlComment {
  return {
    start: token.start,
    end: token.end,
    text: token.text,
    span: source.spanOf(file, token.start, token.end),
  };
}
