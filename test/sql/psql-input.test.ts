import { beforeAll, describe, expect, it } from 'vitest';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { locate } from './support/locate.js';

beforeAll(initSql);

describe('psql meta-commands', () => {
  it('skips each meta-command line with one unsupported-input warning and keeps positions', () => {
    const text =
      "\\set ON_ERROR_STOP on\nCREATE DATABASE d;\n\\connect d\n  \\i 'other.sql'\nSELECT 'é' AS x;\n";
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(statements.map((s) => [s.text, s.span.line, s.span.column])).toEqual([
      ['CREATE DATABASE d', 2, 1],
      ["SELECT 'é' AS x", 5, 1],
    ]);
    expect(diagnostics.map((d) => [d.rule, d.severity, d.line, d.column])).toEqual([
      ['unsupported-input', 'warning', 1, 1],
      ['unsupported-input', 'warning', 3, 1],
      ['unsupported-input', 'warning', 4, 3],
    ]);
    expect(diagnostics[1]?.message).toContain('\\connect d');
  });

  it('does not treat a backslash line inside a string or function body as a meta-command', () => {
    const text =
      "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$\n\\not a command\n$$;\nSELECT 'a\n\\b';\n";
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(diagnostics).toEqual([]);
    expect(statements).toHaveLength(2);
    expect(statements[0]?.text).toContain('\\not a command');
  });
});

describe('COPY ... FROM stdin data', () => {
  it('attaches the data lines to the COPY statement and never parses them as SQL', () => {
    const data = "1\tO'Brien\tDROP TABLE x;\n2\t\\N\t$$\n";
    const text = `SELECT 1;\nCOPY public.actor (id, name, note) FROM stdin;\n${data}\\.\nSELECT 2;\n`;
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(diagnostics).toEqual([]);
    expect(statements.map((s) => s.kind)).toEqual(['SelectStmt', 'CopyStmt', 'SelectStmt']);
    expect(statements[1]?.copyData).toBe(data);
    expect(statements[2]?.span).toMatchObject(locate(text, 'SELECT 2'));
  });

  it('handles CRLF data and a COPY without data lines before the end of the file', () => {
    const text = 'COPY t FROM stdin;\r\na\r\nb\r\n\\.\r\nSELECT 1;\r\nCOPY u FROM STDIN;\r\n';
    const { statements, diagnostics } = splitStatements(text, 'm.sql');
    expect(diagnostics).toEqual([]);
    expect(statements.map((s) => s.copyData)).toEqual(['a\r\nb\r\n', undefined, '']);
  });

  it('leaves COPY ... TO stdout alone', () => {
    const { statements } = splitStatements('COPY t TO stdout;\nSELECT 1;\n', 'm.sql');
    expect(statements.map((s) => [s.kind, s.copyData])).toEqual([
      ['CopyStmt', undefined],
      ['SelectStmt', undefined],
    ]);
  });
});
