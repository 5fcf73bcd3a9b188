import { describe, expect, it } from 'vitest';
import { renderTerminal } from '../../src/reporters/terminal.js';
import { finding, report } from './sample-report.js';

const ESC = '\u001b';

/** The printed row holding `text`, and the caret row right under it. */
function rowAndCarets(output: string, text: string): { row: string; carets: string } {
  const lines = output.split('\n');
  const index = lines.findIndex((line) => line.includes(text) && / \| /.test(line));
  expect(index, `no frame row contains ${text}`).toBeGreaterThanOrEqual(0);
  return { row: lines[index] ?? '', carets: lines[index + 1] ?? '' };
}

describe('renderTerminal', () => {
  const sql =
    'CREATE TABLE users (id int PRIMARY KEY);\nALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users;\n';
  const located = finding({
    file: 'migrations/002.sql',
    line: 2,
    column: 20,
    endLine: 2,
    endColumn: 23,
    why: 'Deleting a user scans every order.',
    help: 'Index orders.user_id.',
    suggestedSql: 'CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);',
  });

  it('prints no ANSI escapes without colour and some with it', () => {
    const input = report([located], { 'migrations/002.sql': sql });
    expect(renderTerminal(input, { color: false })).not.toContain(ESC);
    expect(renderTerminal(input, { color: true })).toContain(`${ESC}[`);
  });

  it("shows a message's control characters (a binary file's bytes PostgreSQL quoted) instead of sending them to the terminal", () => {
    const quoted = finding({
      file: 'bin\u001b[2J.sql',
      message: 'Syntax error at or near "\u001b[2J\u0007\u009b".',
      why: 'Cleared\u001b[H?',
      help: 'Tab\tstays;\nlines stay.',
    });
    const output = renderTerminal(report([quoted]), { color: false });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: none may be left.
    expect(output).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(output).toContain(
      'bin\uFFFD[2J.sql  warning  require-fk-index  Syntax error at or near "\uFFFD[2J\uFFFD\uFFFD".',
    );
    expect(output).toContain('help: Tab\tstays;\n');
  });

  it('prints location, severity, rule, message, frame, why, help, SQL and docs in that order', () => {
    const output = renderTerminal(report([located], { 'migrations/002.sql': sql }), { color: false });
    const lines = output.split('\n');
    expect(lines[0]).toBe(
      'migrations/002.sql:2:20  warning  require-fk-index  Foreign key orders.user_id has no index.',
    );
    expect(lines.slice(1, 4)).toEqual([
      '  1 | CREATE TABLE users (id int PRIMARY KEY);',
      '  2 | ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users;',
      '    |                    ^^^',
    ]);
    expect(lines.slice(4, 9)).toEqual([
      '  why: Deleting a user scans every order.',
      '  help: Index orders.user_id.',
      '    CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);',
      '  docs: https://github.com/pgvigil/pgvigil/blob/main/docs/rules/require-fk-index.md',
      '',
    ]);
  });

  it('keeps the caret under the span after a tab', () => {
    const source = 'SELECT 1;\n\tALTER TABLE orders\tADD COLUMN note text;\n';
    const column = source.split('\n')[1]?.indexOf('ADD') ?? -1;
    const output = renderTerminal(
      report([finding({ file: 'a.sql', line: 2, column: column + 1, endColumn: column + 4 })], {
        'a.sql': source,
      }),
      { color: false },
    );
    const { row, carets } = rowAndCarets(output, 'ALTER');
    expect(row).not.toContain('\t');
    expect(carets.indexOf('^')).toBe(row.indexOf('ADD'));
    expect(carets.match(/\^/g)).toHaveLength(3);
  });

  it('keeps the caret under the span after wide, combining and astral characters', () => {
    // 'é' is e + U+0301: two code units, one cell. 日本: one code unit, two cells each. The elephant: two and two.
    const line = "INSERT INTO t VALUES ('e\u0301', '日本', '🐘'); SELECT nope;";
    const column = line.indexOf('nope') + 1;
    const output = renderTerminal(
      report([finding({ file: 'b.sql', line: 1, column, endColumn: column + 4 })], { 'b.sql': line }),
      { color: false },
    );
    const { row, carets } = rowAndCarets(output, 'INSERT');
    const cellsBeforeNope = row.indexOf('nope') - 1 + 2;
    expect(carets.indexOf('^')).toBe(cellsBeforeNope);
    expect(carets.match(/\^/g)).toHaveLength(4);
  });

  it('reads CRLF sources without stray carriage returns or shifted carets', () => {
    const source = 'SELECT 1;\r\nDROP TABLE users;\r\nSELECT 2;\r\n';
    const output = renderTerminal(
      report([finding({ file: 'c.sql', line: 2, column: 12, endColumn: 17 })], { 'c.sql': source }),
      { color: false },
    );
    expect(output).not.toContain('\r');
    const { row, carets } = rowAndCarets(output, 'DROP');
    expect(carets.indexOf('^')).toBe(row.indexOf('users'));
    expect(carets.match(/\^/g)).toHaveLength(5);
  });

  it('caps a long statement at eight source lines with an ellipsis', () => {
    const statement = [
      'CREATE TABLE wide (',
      ...Array.from({ length: 20 }, (_, i) => `  c${i} int,`),
      '  last int);',
    ];
    const source = ['-- header', ...statement, '-- footer'].join('\n');
    const output = renderTerminal(
      report([finding({ file: 'd.sql', line: 2, column: 1, endLine: 23, endColumn: 13 })], {
        'd.sql': source,
      }),
      { color: false },
    );
    const numbered = output.split('\n').filter((line) => /^\s+\d+ \|/.test(line));
    expect(numbered).toHaveLength(8);
    expect(output).toContain('… | 16 more lines');
    expect(numbered.at(-1)).toContain('-- footer');
    expect(numbered[1]).toContain('CREATE TABLE wide (');
  });

  it('prints findings without a file without a frame', () => {
    const output = renderTerminal(
      report([finding({ severity: 'info', message: 'Sequence orders_id_seq is 81% used.' })]),
      { color: false },
    );
    expect(output.split('\n')[0]).toBe('info  require-fk-index  Sequence orders_id_seq is 81% used.');
    expect(output).not.toMatch(/ \| /);
  });

  it('sorts findings by file, line and column', () => {
    const output = renderTerminal(
      report([
        finding({ file: 'b.sql', line: 1, message: 'third' }),
        finding({ file: 'a.sql', line: 9, message: 'second' }),
        finding({ message: 'last, no file' }),
        finding({ file: 'a.sql', line: 2, message: 'first' }),
      ]),
      { color: false },
    );
    const order = ['first', 'second', 'third', 'last, no file'].map((word) => output.indexOf(word));
    expect(order).toEqual([...order].sort((x, y) => x - y));
  });

  it('ends with a summary line counting each severity and the files', () => {
    const mixed = report(
      [finding({ severity: 'error' }), finding({ severity: 'error' }), finding({ severity: 'warning' })],
      {},
      5,
    );
    expect(renderTerminal(mixed, { color: false }).trimEnd().split('\n').at(-1)).toBe(
      '✖ 2 errors, 1 warning, 0 info in 5 files',
    );
    expect(renderTerminal(report([], {}, 5), { color: false })).toBe('✔ no problems in 5 files\n');
    expect(renderTerminal(report([], {}, 1), { color: false })).toBe('✔ no problems in 1 file\n');
  });
});
