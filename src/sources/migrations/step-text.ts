import type { MigrationStep } from './migration.js';

/** Half-open range of UTF-16 indices into a file. */
export interface Section {
  readonly start: number;
  readonly end: number;
}

const LINE_BREAK = /[\r\n]/;

/**
 * The text with everything outside `section` turned into spaces. Line breaks stay, and every
 * UTF-16 unit is replaced by exactly one unit, so indices, lines and columns are the file's own.
 */
export function keepSection(text: string, section: Section): string {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  return (
    blank(text.slice(0, section.start)) +
    text.slice(section.start, section.end) +
    blank(text.slice(section.end))
  );
}

/** The whole file as one step. */
export function wholeFile(file: string, text: string): MigrationStep {
  return { file, sql: text };
}

/** Part of a file as a step. */
export function sectionOf(file: string, text: string, section: Section): MigrationStep {
  return { file, sql: keepSection(text, section) };
}

/** Index of the start of the line holding `index`. */
export function lineStart(text: string, index: number): number {
  let at = index;
  while (at > 0 && !LINE_BREAK.test(text[at - 1] ?? '')) at--;
  return at;
}

/** 1-based line number of an index. */
export function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
