import { scanSql } from './parser.js';
import type { SourceText, TextRange } from './positions.js';

/** A scanner token with positions as UTF-16 indices into the file, and its byte offsets kept for re-parsing. */
export interface Token extends TextRange {
  readonly byteStart: number;
  readonly byteEnd: number;
  /** libpg-query's token name: SQL_COMMENT, C_COMMENT, SCONST, IDENT, ASCII_59 (';'), ... */
  readonly name: string;
  readonly text: string;
}

/**
 * Tokens of parseText between the indices, or undefined when that slice does not scan
 * (it ends inside a string, dollar-quoted body or block comment).
 */
export function scanRange(
  source: SourceText,
  start = 0,
  end = source.parseText.length,
): readonly Token[] | undefined {
  const slice = source.parseText.slice(start, end);
  const raw = scanSql(slice);
  if (!raw) return undefined;
  const byteBase = start === 0 ? 0 : Buffer.byteLength(source.parseText.slice(0, start), 'utf8');
  return raw.map((token) => ({
    start: source.byteToIndex(byteBase + token.start),
    end: source.byteToIndex(byteBase + token.end),
    byteStart: byteBase + token.start,
    byteEnd: byteBase + token.end,
    name: token.tokenName,
    text: token.text,
  }));
}

export function isComment(token: Token): boolean {
  return token.name === 'SQL_COMMENT' || token.name === 'C_COMMENT';
}

export function isSemicolon(token: Token): boolean {
  return token.name === 'ASCII_59';
}

export function isWord(token: Token, word: string): boolean {
  return token.text.toLowerCase() === word;
}
