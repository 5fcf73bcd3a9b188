import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nextLineStart } from './lines.js';
import { type Chunk, parseChunk, type StatementDraft } from './parse-chunk.js';
import type { SourceText } from './positions.js';
import { scanRange, type Token } from './tokens.js';
import { type Piece, splitTopLevel } from './top-level.js';

export interface Recovered {
  readonly statements: readonly StatementDraft[];
  readonly errors: readonly Diagnostic[];
  /** The tokens that could be scanned: all of them, or those before an unterminated literal. */
  readonly tokens: readonly Token[];
}

/**
 * libpg-query rejects a whole input for one syntax error. Here every top-level statement is
 * parsed on its own, so good statements before and after a bad one survive and each bad one
 * gets its own error. When the text does not even scan (an unterminated string, dollar-quoted
 * body or comment runs to the end), the statements before it are kept and the rest is one bad chunk.
 */
export function recoverStatements(
  source: SourceText,
  file: string,
  tokens: readonly Token[] | undefined,
): Recovered {
  const scanned = tokens ? { tokens, end: source.parseText.length } : scannablePrefix(source);
  const pieces = splitTopLevel(scanned.tokens);
  const complete = tokens ? pieces : pieces.filter((piece) => piece.semicolon);
  const chunks = complete.map(pieceChunk);
  if (!tokens) chunks.push(tailChunk(source, pieces, scanned.end));
  const statements: StatementDraft[] = [];
  const errors: Diagnostic[] = [];
  for (const chunk of chunks) {
    const outcome = parseChunk(source, file, chunk);
    if (outcome.ok) statements.push(...outcome.statements);
    else errors.push(outcome.diagnostic);
  }
  return { statements, errors, tokens: scanned.tokens };
}

function pieceChunk(piece: Piece): Chunk {
  const first = piece.tokens[0] as Token;
  const last = piece.tokens[piece.tokens.length - 1] as Token;
  return { start: first.start, byteStart: first.byteStart, end: last.end };
}

/** From the unfinished statement (or the scannable prefix's end) to the end of the file. */
function tailChunk(source: SourceText, pieces: readonly Piece[], prefixEnd: number): Chunk {
  const last = pieces[pieces.length - 1];
  const first = last && !last.semicolon ? last.tokens[0] : undefined;
  const start = first ? first.start : prefixEnd;
  const byteStart = first ? first.byteStart : Buffer.byteLength(source.parseText.slice(0, prefixEnd), 'utf8');
  return { start, byteStart, end: source.parseText.length };
}

/**
 * The longest run of whole lines from the start that scans. Growing line by line matters:
 * a multi-line string that is closed later fails part-way and must not end the search.
 */
function scannablePrefix(source: SourceText): { readonly tokens: readonly Token[]; readonly end: number } {
  const text = source.parseText;
  const committed: Token[] = [];
  let committedEnd = 0;
  for (let end = nextLineStart(text, 0); end <= text.length && committedEnd < text.length; ) {
    const tokens = scanRange(source, committedEnd, end);
    if (tokens) {
      for (const token of tokens) committed.push(token);
      committedEnd = end;
    }
    if (end === text.length) break;
    end = nextLineStart(text, end);
  }
  return { tokens: committed, end: committedEnd };
}
