import { beforeAll, describe, expect, it } from 'vitest';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { locate } from './support/locate.js';

beforeAll(initSql);

function errorsOf(text: string) {
  return splitStatements(text, 'm.sql').diagnostics.filter((d) => d.rule === 'syntax-error');
}

describe('splitStatements on valid SQL', () => {
  it('returns each statement with its kind, exact text (no semicolon) and span', () => {
    const text =
      '-- header\nCREATE TABLE a (id int);\n\n  /* why */ CREATE INDEX a_id ON a (id) -- trailing\n;\n';
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(diagnostics).toEqual([]);
    expect(statements.map((s) => [s.index, s.kind, s.text])).toEqual([
      [0, 'CreateStmt', 'CREATE TABLE a (id int)'],
      [1, 'IndexStmt', 'CREATE INDEX a_id ON a (id)'],
    ]);
    const index = statements[1];
    expect(text.slice(index?.start, index?.end)).toBe(index?.text);
    const endColumn = locate(text, '(id) --').column + '(id)'.length;
    expect(index?.span).toEqual({ file: 'm.sql', ...locate(text, 'CREATE INDEX'), endLine: 4, endColumn });
  });

  it('finds the first token after leading comments longer than the first scanned window', () => {
    const licence = `/* ${'licence text '.repeat(400)} */\n-- ${'x'.repeat(3000)}\n/* nested /* inner */ still comment */`;
    const text = `${licence}\n  CREATE TABLE a (id int);`;
    expect(splitStatements(text, 'm.sql').statements.map((s) => s.text)).toEqual(['CREATE TABLE a (id int)']);
  });

  it('trims trailing comments but not what only looks like one inside a literal or an operator', () => {
    const texts = [
      "SELECT 1 /* block */\n;\nSELECT '--' AS dashes;\nSELECT 2 -- line\n  ;\nSELECT '*/'",
      "SELECT 'a -- b'\n-- after\n",
    ];
    expect(texts.map((text) => splitStatements(text, 'm.sql').statements.map((s) => s.text))).toEqual([
      ['SELECT 1', "SELECT '--' AS dashes", 'SELECT 2', "SELECT '*/'"],
      ["SELECT 'a -- b'"],
    ]);
  });

  it('gives zero statements and no diagnostics for empty and comment-only files', () => {
    for (const text of ['', '   \n\n', '-- just a note\n/* and a block\n comment */\n']) {
      expect(splitStatements(text, 'm.sql')).toMatchObject({ statements: [], diagnostics: [] });
    }
  });

  it('keeps dollar-quoted function bodies with semicolons in one statement', () => {
    const text =
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $body$\nBEGIN\n  NEW.x := 1; RETURN NEW;\nEND;\n$body$;\nSELECT ';' AS semi;";
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(diagnostics).toEqual([]);
    expect(statements.map((s) => s.kind)).toEqual(['CreateFunctionStmt', 'SelectStmt']);
    expect(statements[1]?.span.line).toBe(6);
  });

  it('rewrites node locations to UTF-16 indices into the file', () => {
    const text = "SELECT '😀é';\nCREATE TABLE ünïcode (col int);";
    const create = splitStatements(text, 'm.sql').statements[1]?.node;
    const relation = (create as { CreateStmt: { relation: { location: number } } }).CreateStmt.relation;
    expect(relation.location).toBe(text.indexOf('ünïcode'));
  });

  it('uses 1-based columns that ignore a BOM and treat CRLF as one break', () => {
    const text = '\uFEFFSELECT 1;\r\nSELECT 2;\r\n';
    const { statements } = splitStatements(text, 'm.sql');
    expect(statements.map((s) => [s.span.line, s.span.column, s.span.endColumn])).toEqual([
      [1, 1, 9],
      [2, 1, 9],
    ]);
  });
});

describe('splitStatements syntax errors', () => {
  it('places the error exactly, after non-ASCII text on the same and earlier lines', () => {
    const text = "SELECT 'é 表 😀';\nSELECT '😀', 'ü' FRM t;\n";
    const [error] = errorsOf(text);
    expect(error).toMatchObject({
      file: 'm.sql',
      ...locate(text, 't;'),
      severity: 'error',
      category: 'correctness',
    });
    expect(error?.message).toBe('Syntax error at or near "t".');
    expect(error?.help).toBeTruthy();
  });

  it('places the error right in CRLF files with a BOM', () => {
    const text = '\uFEFFSELECT 1;\r\nSELEC 2;\r\n';
    expect(errorsOf(text)[0]).toMatchObject(locate(text, 'SELEC '));
  });

  it('keeps the good statements before and after a bad one, each with its own line', () => {
    const text =
      'CREATE TABLE a (id int);\nCREATE TABLE b (id int AUTOINCREMENT);\nCREATE TABLE c (id int);\n';
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(statements.map((s) => [s.text, s.span.line, s.index])).toEqual([
      ['CREATE TABLE a (id int)', 1, 0],
      ['CREATE TABLE c (id int)', 3, 1],
    ]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'syntax-error', ...locate(text, 'AUTOINCREMENT') });
  });

  it('reports every bad statement separately', () => {
    const text = 'SELEC 1;\nSELECT 2;\nSELECT 3 +;\n';
    expect(errorsOf(text).map((d) => d.line)).toEqual([1, 3]);
    expect(splitStatements(text, 'm.sql').statements.map((s) => s.text)).toEqual(['SELECT 2']);
  });

  it('keeps statements before an unterminated string and reports it once, on one line', () => {
    const text = "SELECT 1;\nSELECT $$ok;$$;\nSELECT 'never closed;\nSELECT 2;\n";
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(statements.map((s) => s.text)).toEqual(['SELECT 1', 'SELECT $$ok;$$']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'syntax-error', ...locate(text, "'never") });
    expect(diagnostics[0]?.message).toMatch(/^Unterminated quoted string/);
    expect(diagnostics[0]?.message).not.toContain('\n');
  });

  it('keeps statements before an unterminated block comment that follows a multi-line string', () => {
    const text = "SELECT 'two\nlines';\nSELECT 2;\n/* open\nSELECT 3;\n";
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(statements.map((s) => s.text)).toEqual(["SELECT 'two\nlines'", 'SELECT 2']);
    expect(diagnostics[0]).toMatchObject({ rule: 'syntax-error', ...locate(text, '/*') });
  });
});
