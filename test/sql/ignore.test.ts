import { beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { applyIgnores, readIgnores } from '../../src/sql/ignore.js';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { locate } from './support/locate.js';

beforeAll(initSql);

const KNOWN = new Set(['require-concurrent-index', 'require-fk-index', 'syntax-error']);

function finding(rule: string, line: number): Diagnostic {
  return {
    rule,
    category: 'locking',
    severity: 'error',
    message: `${rule} at ${line}`,
    file: 'm.sql',
    line,
    column: 1,
  };
}

function directivesOf(text: string) {
  const split = splitStatements(text, 'm.sql');
  return readIgnores(split.comments, split.statements);
}

describe('readIgnores', () => {
  it('reads statement and file directives with rules, reason and the comment span', () => {
    const text =
      '-- pgvigil-ignore-file require-fk-index legacy schema\nCREATE TABLE a (id int);\n-- pgvigil-ignore require-concurrent-index, require-fk-index table is empty\nCREATE INDEX i ON a (id);\n';
    const [file, statement] = directivesOf(text);
    expect(file).toMatchObject({ scope: 'file', rules: ['require-fk-index'], reason: 'legacy schema' });
    expect(file?.span).toMatchObject({ line: 1, column: 1 });
    expect(statement).toMatchObject({
      scope: 'statement',
      rules: ['require-concurrent-index', 'require-fk-index'],
      reason: 'table is empty',
      target: { line: 4, endLine: 4 },
    });
  });

  it('ignores look-alikes inside strings and function bodies', () => {
    const text =
      "SELECT '-- pgvigil-ignore require-fk-index';\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$\n-- pgvigil-ignore require-fk-index\nSELECT 1$$;\n";
    expect(directivesOf(text)).toEqual([]);
  });
});

describe('applyIgnores', () => {
  const text =
    'CREATE TABLE a (id int);\n-- pgvigil-ignore require-concurrent-index\nCREATE INDEX i\n  ON a (id);\nCREATE INDEX j ON a (id);\n';
  const directives = () => directivesOf(text);

  it('suppresses a finding anywhere in the next statement, and only there', () => {
    const { kept, extra } = applyIgnores(
      [
        finding('require-concurrent-index', 3),
        finding('require-concurrent-index', 4),
        finding('require-concurrent-index', 5),
      ],
      directives(),
      KNOWN,
    );
    expect(kept.map((d) => d.line)).toEqual([5]);
    expect(extra).toEqual([]);
  });

  it('keeps findings of other rules in that statement', () => {
    expect(applyIgnores([finding('require-fk-index', 3)], directives(), KNOWN).kept).toHaveLength(1);
  });

  it('suppresses a file-ignored rule on every line', () => {
    const fileDirectives = directivesOf(
      'CREATE TABLE a (id int);\n-- pgvigil-ignore-file require-fk-index\nSELECT 1;\n',
    );
    const { kept } = applyIgnores(
      [finding('require-fk-index', 1), finding('require-fk-index', 3)],
      fileDirectives,
      KNOWN,
    );
    expect(kept).toEqual([]);
  });

  it('never suppresses syntax errors', () => {
    const bad = 'SELECT 1;\n-- pgvigil-ignore-file syntax-error\n-- pgvigil-ignore syntax-error\nSELEC 2;\n';
    const split = splitStatements(bad, 'm.sql');
    const { kept } = applyIgnores(split.diagnostics, readIgnores(split.comments, split.statements), KNOWN);
    expect(kept.map((d) => [d.rule, d.line])).toEqual([['syntax-error', 4]]);
  });

  it('reports unknown ids at the comment, suggesting the closest known id', () => {
    const typo =
      '-- pgvigil-ignore require-concurent-index, no-such-thing-at-all\nCREATE INDEX i ON a (id);\n';
    const { extra } = applyIgnores([], directivesOf(typo), KNOWN);
    expect(extra.map((d) => [d.rule, d.severity, d.line, d.column, d.help])).toEqual([
      ['unknown-ignore-rule', 'warning', 1, 1, 'Did you mean `require-concurrent-index`?'],
      ['unknown-ignore-rule', 'warning', 1, 1, 'Use a rule id from the docs, or remove the comment.'],
    ]);
    expect(extra[0]).toMatchObject({ file: 'm.sql', ...locate(typo, '-- pgvigil') });
  });
});
