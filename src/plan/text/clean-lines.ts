/** One line of a pasted plan, with its 1-based line number in the input for error messages. */
export interface PlanLine {
  readonly number: number;
  readonly indent: number;
  /** Without indentation and psql's decorations. */
  readonly text: string;
}

const CHROME = [/^QUERY PLAN$/, /^[-+=─┼]{3,}$/, /^\(\d+ rows?\)$/];

/** psql's aligned output marks a wrapped cell with "+" at the end of every line but the last. */
function stripsWrapMarks(lines: readonly string[]): boolean {
  const filled = lines.filter((line) => line.trim() !== '');
  return filled.length > 1 && filled.filter((line) => /\s\+$/.test(line)).length >= (filled.length - 1) / 2;
}

/** pgAdmin and spreadsheets copy each line of the plan as one quoted cell. */
function quotesEveryLine(lines: readonly string[]): boolean {
  const filled = lines.filter((line) => line.trim() !== '');
  return filled.length > 0 && filled.every((line) => /^\s*".*"\s*$/.test(line));
}

/** A line as psql, pgAdmin or a spreadsheet printed it, without their decorations. */
function undecorate(line: string, wrapMarks: boolean, quoted: boolean): string {
  let text = line.replace(/\t/g, '    ');
  if (wrapMarks) text = text.replace(/\s\+$/, '');
  const bordered = /^\s*[|│](.*?)[|│]?\s*$/.exec(text);
  if (bordered) text = bordered[1] ?? '';
  const cell = quoted ? /^(\s*)"(.*)"\s*$/.exec(text) : null;
  if (cell) text = `${cell[1]}${(cell[2] ?? '').replace(/""/g, '"')}`;
  return text.trimEnd();
}

/**
 * The lines of a pasted text plan, cleaned of what the tools around EXPLAIN add: psql's
 * "QUERY PLAN" header, rule line, "(N rows)" footer, table borders and wrap marks, pgAdmin's
 * quotes, a byte-order mark, CRLF line ends and tabs.
 */
export function cleanPlanLines(input: string): PlanLine[] {
  const raw = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const wrapMarks = stripsWrapMarks(raw);
  const quoted = quotesEveryLine(raw);
  const lines: PlanLine[] = [];
  raw.forEach((line, index) => {
    const text = undecorate(line, wrapMarks, quoted);
    const trimmed = text.trim();
    if (trimmed === '' || CHROME.some((pattern) => pattern.test(trimmed))) return;
    lines.push({ number: index + 1, indent: text.length - text.trimStart().length, text: trimmed });
  });
  return lines;
}

/** The lines as one text again, for input that turns out to be JSON after cleaning. */
export function joinedText(lines: readonly PlanLine[]): string {
  return lines.map((line) => line.text).join('\n');
}
