import { SYNTAX_ERROR } from '../diagnostics/builtin.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { inputDiagnostic } from './input-diagnostic.js';
import type { SourceText } from './positions.js';

const NUL = '\u0000';

/**
 * The text with each NUL byte read as a space: the parser is C, and a NUL ended the text for it,
 * so every statement after one went unseen (a file checked clean that was not). Same length, so
 * every position stays the file's.
 */
export function nulBytesAsSpaces(text: string): { readonly text: string; readonly firstNul?: number } {
  const firstNul = text.indexOf(NUL);
  return firstNul < 0 ? { text } : { text: text.replaceAll(NUL, ' '), firstNul };
}

/** The finding for a file with NUL bytes: UTF-16 text (PowerShell's `>` writes it) or no text at all. */
export function nulByteFound(source: SourceText, file: string, at: number): Diagnostic {
  return inputDiagnostic(SYNTAX_ERROR, source.spanOf(file, at, at + 1), {
    message: 'The file holds NUL bytes: it is not UTF-8 text (UTF-16, or not text at all).',
    why: 'PostgreSQL takes no NUL byte in SQL, so the tool that applies this file fails on it; pgvigil read each NUL as a space to check the rest.',
    help: 'Save the file as UTF-8 (a UTF-16 file converts with iconv -f UTF-16 -t UTF-8); a binary file does not belong with the SQL.',
  });
}
