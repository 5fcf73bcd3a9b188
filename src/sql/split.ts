import { UNSUPPORTED_INPUT } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceSpan } from '../diagnostics/source-span.js';
import { inputDiagnostic } from './input-diagnostic.js';
import { nulByteFound, nulBytesAsSpaces } from './nul-bytes.js';
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
  const readable = nulBytesAsSpaces(text);
  const psql = extractPsqlInput(SourceText.from(readable.text));
  const source = psql.source;
  const nul = readable.firstNul === undefined ? [] : [nulByteFound(source, file, readable.firstNul)];
  const whole = parseChunk(source, file, { start: 0, byteStart: 0, end: source.parseText.length });
  // Scanning is slow on large files, so a file that parses is only scanned between its statements.
  const parsed = whole.ok
    ? { statements: whole.statements, errors: [], tokens: scanGaps(source, whole.statements) }
    : recoverStatements(source, file, scanRange(source));
  const errors = whole.ok || parsed.errors.length > 0 ? parsed.errors : [wholeFileError(source, file)];
  return {
    source,
    statements: parsed.statements.map((draft, index) => withCopyData({ ...draft, index }, psql.copyBlocks)),
    diagnostics: [
      ...nul,
      ...psql.metaCommands.map((meta) => metaCommandSkipped(source, file, meta)),
      ...errors,
    ],
    comments: commentsBetween(parsed.tokens, parsed.statements).map((token) => comment(source, file, token)),
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
function wholeFileError(source: SourceText, file: string): Diagnostic {
  const outcome = parseSql(source.parseText);
  const error = outcome.ok ? { message: 'syntax error', cursorPosition: 0 } : outcome.error;
  return syntaxError(source, file, source.codePointsToIndex(0, error.cursorPosition), error.message);
}

/** Tokens of the text around and between statements; that text is all at top level. */
function scanGaps(source: SourceText, statements: readonly TextRange[]): readonly Token[] {
  const bounds = [
    0,
    ...statements.flatMap((statement) => [statement.start, statement.end]),
    source.parseText.length,
  ];
  const tokens: Token[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const start = bounds[i] ?? 0;
    const end = bounds[i + 1] ?? start;
    const gap = source.parseText.slice(start, end);
    if (gap.includes('--')) for (const token of scanRange(source, start, end) ?? []) tokens.push(token);
  }
  return tokens;
}

/** `--` comments outside every statement (statements are in order): the ones that can stand before one. */
function commentsBetween(tokens: readonly Token[], statements: readonly TextRange[]): readonly Token[] {
  const outside = (token: Token): boolean => {
    const before = statements[lastStartingAtOrBefore(statements, token.start)];
    return !before || token.start >= before.end;
  };
  return tokens.filter((token) => token.name === 'SQL_COMMENT' && outside(token));
}

function lastStartingAtOrBefore(ranges: readonly TextRange[], index: number): number {
  let low = -1;
  let high = ranges.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((ranges[mid]?.start ?? 0) <= index) low = mid;
    else high = mid - 1;
  }
  return low;
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
