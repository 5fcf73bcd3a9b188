import type { Node, RawStmt } from '@pgsql/types';
import { SYNTAX_ERROR } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { inputDiagnostic } from './input-diagnostic.js';
import { lineEnd } from './lines.js';
import type { NodeTag } from './node-types.js';
import { parseSql } from './parser.js';
import type { SourceText, TextRange } from './positions.js';
import { relocateInPlace } from './relocate.js';
import type { Statement } from './statement.js';
import { isComment, isSemicolon, scanRange } from './tokens.js';

/** A slice of parseText to parse on its own; byteStart is the UTF-8 offset of `start`. */
export interface Chunk extends TextRange {
  readonly byteStart: number;
}

export type StatementDraft = Omit<Statement, 'index' | 'copyData'>;

export type ChunkOutcome =
  | { readonly ok: true; readonly statements: readonly StatementDraft[] }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

/**
 * Parses one chunk. A space is put in front so that no node sits at offset 0, which
 * libpg-query's JSON would omit; every offset is then shifted back by that one byte.
 */
export function parseChunk(source: SourceText, file: string, chunk: Chunk): ChunkOutcome {
  const outcome = parseSql(` ${source.parseText.slice(chunk.start, chunk.end)}`);
  const toIndex = (byte: number): number => source.byteToIndex(chunk.byteStart + byte - 1);
  if (!outcome.ok) {
    const at = source.codePointsToIndex(chunk.start, Math.max(0, outcome.error.cursorPosition - 1));
    return { ok: false, diagnostic: syntaxError(source, file, at, outcome.error.message) };
  }
  const statements = (outcome.result.stmts ?? []).map((raw) => {
    const rawStart = toIndex(raw.stmt_location ?? 0);
    const rawEnd = raw.stmt_len ? toIndex((raw.stmt_location ?? 0) + raw.stmt_len) : chunk.end;
    return draft(
      source,
      file,
      trimToTokens(source, { start: rawStart, end: rawEnd }),
      relocateStmt(raw, toIndex),
    );
  });
  return { ok: true, statements };
}

function relocateStmt(raw: RawStmt, toIndex: (byte: number) => number): Node {
  // A parsed RawStmt always carries its statement; an empty one would not be in stmts.
  return relocateInPlace(raw.stmt as Node, toIndex);
}

function draft(source: SourceText, file: string, range: TextRange, node: Node): StatementDraft {
  return {
    start: range.start,
    end: range.end,
    text: source.text.slice(range.start, range.end),
    span: source.spanOf(file, range.start, range.end),
    node,
    kind: Object.keys(node)[0] as NodeTag,
  };
}

/** The characters PostgreSQL's scanner skips as space (scan.l): space, tab, newline, CR, form feed, VT. */
const SPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);

/** Where trailing space begins; a loop, since `/\s+$/` retries from every run of spaces (quadratic on long text). */
function endWithoutSpace(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && SPACE.has(text.charAt(at - 1))) at--;
  return at;
}

function startWithoutSpace(text: string, start: number, end: number): number {
  let at = start;
  while (at < end && SPACE.has(text.charAt(at))) at++;
  return at;
}

/** The first scanned window for a leading comment; doubled until a real token shows after the comments. */
const LEADING_WINDOW = 2048;

/**
 * Where the first real token starts, when the range opens with a comment. Only a window is scanned
 * (scanning is slow on long statements): the comments before the first token lie wholly inside it
 * once a token follows them, so that token's start is the same as in a scan of the whole range.
 */
function firstTokenStart(source: SourceText, range: TextRange): number | undefined {
  for (let window = LEADING_WINDOW; ; window *= 2) {
    const end = Math.min(range.end, range.start + window);
    const first = scanRange(source, range.start, end)?.find((token) => !isComment(token));
    if (first) return first.start;
    if (end === range.end) return undefined;
  }
}

/**
 * Whether the range may end in a comment: a `/* … *\/` ends the text, or a `--` sits on its last
 * line (a line comment runs to the end of its line). Otherwise the last token ends where the
 * space does.
 */
function mayEndInComment(text: string, start: number, end: number): boolean {
  if (text.startsWith('*/', end - 2) || text.charAt(end - 1) === ';') return true;
  const lastLine = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1), start);
  return text.slice(lastLine, end).includes('--');
}

/** The last real token's end when the range may end in a comment: the whole range is scanned. */
function lastTokenEnd(source: SourceText, range: TextRange): number | undefined {
  const real = (scanRange(source, range.start, range.end) ?? []).filter(
    (token) => !isComment(token) && !isSemicolon(token),
  );
  return real[real.length - 1]?.end;
}

/**
 * Narrows a raw statement range to its real tokens: no leading or trailing comment, no space.
 * The scanner only runs where a comment can be at an edge, and at the start only on a window:
 * scanning a whole large file is slow (seconds for 600 kB).
 */
function trimToTokens(source: SourceText, range: TextRange): TextRange {
  const text = source.parseText;
  const spaceStart = startWithoutSpace(text, range.start, range.end);
  const spaceEnd = endWithoutSpace(text, spaceStart, range.end);
  const opensWithComment = text.startsWith('--', spaceStart) || text.startsWith('/*', spaceStart);
  const start = opensWithComment ? firstTokenStart(source, range) : spaceStart;
  const end = mayEndInComment(text, spaceStart, spaceEnd) ? lastTokenEnd(source, range) : spaceEnd;
  return start !== undefined && end !== undefined ? { start, end } : range;
}

export function syntaxError(source: SourceText, file: string, at: number, message: string): Diagnostic {
  const token = scanRange(source, at, lineEnd(source.parseText, at))?.[0];
  const end = token && token.start === at ? token.end : at;
  return inputDiagnostic(SYNTAX_ERROR, source.spanOf(file, at, end), {
    message: `${capitalize(shortenNearText(message))}.`,
    why: 'PostgreSQL would reject this statement, so it cannot be checked or applied.',
    help: 'Fix the statement so PostgreSQL parses it; if the file is written for another database, rewrite that part for PostgreSQL.',
  });
}

const NEAR_TEXT = /"([\s\S]*)"$/;
const NEAR_TEXT_MAX = 40;

/** An unterminated literal makes Postgres quote the rest of the file; keep one short line of it. */
function shortenNearText(message: string): string {
  const near = NEAR_TEXT.exec(message)?.[1];
  if (near === undefined) return message;
  const firstLine = near.split(/\r?\n/)[0] ?? '';
  if (firstLine === near && near.length <= NEAR_TEXT_MAX) return message;
  return message.replace(NEAR_TEXT, `"${firstLine.slice(0, NEAR_TEXT_MAX)}…"`);
}

function capitalize(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
