import { lineEnd, nextLineStart } from './lines.js';
import type { SourceText, TextRange } from './positions.js';
import { isSemicolon, isWord, scanRange, type Token } from './tokens.js';

/** A psql meta-command line (`\c db`, `\set x y`): not SQL, skipped. */
export interface MetaCommand extends TextRange {
  readonly text: string;
}

/** The data lines that follow `COPY ... FROM stdin;` up to the `\.` line (or the end of the file). */
export interface CopyBlock {
  /** Index of the COPY keyword, which is where its statement starts. */
  readonly statementStart: number;
  readonly data: string;
}

export interface PsqlInput {
  /** The source with meta-commands and COPY data blanked out of parseText. */
  readonly source: SourceText;
  readonly metaCommands: readonly MetaCommand[];
  readonly copyBlocks: readonly CopyBlock[];
}

/** Lines that may start a meta-command or a COPY; whether they are at top level is checked by scanning. */
const CANDIDATE_LINE = /^[ \t]*(\\|copy\b)/gim;
const COPY_END_LINE = /^\\\.[ \t]*\r?$/m;

/**
 * Finds psql-only input the Postgres parser must not see. A candidate line counts only at top
 * level: the text between the last handled point and the line must scan completely, which fails
 * when the line sits inside a string, dollar-quoted body or block comment.
 */
export function extractPsqlInput(source: SourceText): PsqlInput {
  const text = source.parseText;
  const blanks: TextRange[] = [];
  const metaCommands: MetaCommand[] = [];
  const copyBlocks: CopyBlock[] = [];
  let handledUpTo = 0;
  for (const match of text.matchAll(CANDIDATE_LINE)) {
    const at = match.index + (match[0].length - (match[1] ?? '').length);
    if (at < handledUpTo || !scanRange(source, handledUpTo, at)) continue;
    if (match[1] === '\\') {
      const end = lineEnd(text, at);
      metaCommands.push({ start: at, end, text: source.text.slice(at, end) });
      blanks.push({ start: at, end });
      handledUpTo = end;
      continue;
    }
    const copy = readCopyFromStdin(source, at);
    if (!copy) continue;
    copyBlocks.push({ statementStart: at, data: text.slice(copy.dataStart, copy.dataEnd) });
    blanks.push({ start: copy.dataStart, end: copy.blankEnd });
    handledUpTo = copy.blankEnd;
  }
  return { source: source.blank(blanks), metaCommands, copyBlocks };
}

interface CopyData {
  readonly dataStart: number;
  readonly dataEnd: number;
  readonly blankEnd: number;
}

function readCopyFromStdin(source: SourceText, at: number): CopyData | undefined {
  const text = source.parseText;
  const tokens = statementTokens(source, at);
  if (!tokens || !readsStdin(tokens)) return undefined;
  const semicolon = tokens[tokens.length - 1];
  if (!semicolon) return undefined;
  const dataStart = nextLineStart(text, semicolon.end);
  const terminator = COPY_END_LINE.exec(text.slice(dataStart));
  if (!terminator) return { dataStart, dataEnd: text.length, blankEnd: text.length };
  const dataEnd = dataStart + terminator.index;
  return { dataStart, dataEnd, blankEnd: lineEnd(text, dataEnd) };
}

/** Tokens from `at` through the first top-level semicolon, reading whole lines until one appears. */
function statementTokens(source: SourceText, at: number): readonly Token[] | undefined {
  const text = source.parseText;
  let end = at;
  while (end < text.length) {
    end = nextLineStart(text, end);
    const tokens = scanRange(source, at, end);
    const semicolon = tokens?.findIndex(isSemicolon) ?? -1;
    if (tokens && semicolon >= 0) return tokens.slice(0, semicolon + 1);
  }
  return undefined;
}

function readsStdin(tokens: readonly Token[]): boolean {
  return tokens.some(
    (token, i) => isWord(token, 'from') && tokens[i + 1] && isWord(tokens[i + 1] as Token, 'stdin'),
  );
}
