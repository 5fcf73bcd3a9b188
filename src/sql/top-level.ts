import { isComment, isSemicolon, isWord, type Token } from './tokens.js';

/** The tokens of one top-level statement, comments excluded, and the semicolon that ends it if any. */
export interface Piece {
  readonly tokens: readonly Token[];
  readonly semicolon?: Token;
}

/**
 * Splits tokens at top-level semicolons, the way psql does: not inside parentheses
 * (CREATE RULE ... DO (a; b)) nor inside a BEGIN ATOMIC ... END function body. Strings,
 * dollar-quoted bodies and comments are single tokens, so their semicolons never split.
 */
export function splitTopLevel(tokens: readonly Token[]): readonly Piece[] {
  const pieces: Piece[] = [];
  let current: Token[] = [];
  let parens = 0;
  let atomic = 0;
  let cases = 0;
  let previous: Token | undefined;
  for (const token of tokens) {
    if (isComment(token)) continue;
    if (token.text === '(') parens++;
    else if (token.text === ')') parens = Math.max(0, parens - 1);
    else if (isWord(token, 'atomic') && previous && isWord(previous, 'begin')) atomic++;
    else if (atomic > 0 && isWord(token, 'case')) cases++;
    else if (atomic > 0 && isWord(token, 'end')) {
      if (cases > 0) cases--;
      else atomic--;
    }
    previous = token;
    if (isSemicolon(token) && parens === 0 && atomic === 0) {
      if (current.length > 0) pieces.push({ tokens: current, semicolon: token });
      current = [];
      continue;
    }
    current.push(token);
  }
  if (current.length > 0) pieces.push({ tokens: current });
  return pieces;
}
