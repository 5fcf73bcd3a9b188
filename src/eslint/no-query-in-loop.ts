import type { Rule } from 'eslint';
import type ts from 'typescript';
import { codeAnalyzer, type QueryInLoop } from '../sources/code/code-analyzer.js';
import { LIBRARIES } from '../sources/code/db-libraries.js';
import { findQueriesInLoops } from '../sources/code/find-queries-in-loops.js';
import { queryInLoopText } from '../sources/code/query-in-loop-text.js';

/** Options of `pgvigil/no-query-in-loop`. */
export interface NoQueryInLoopOptions {
  /** Report only these clients' calls (all nine when unset). */
  readonly libraries?: readonly string[];
}

/** One analyzer per program typescript-eslint hands out (it keeps the facts of the files it has read). */
const analyzers = new WeakMap<ts.Program, (sourceFile: ts.SourceFile) => QueryInLoop[]>();

/** With typed linting (`parserOptions.project` / `projectService`), the program's checker; else the file alone. */
function queriesOf(context: Rule.RuleContext): QueryInLoop[] {
  const program = context.sourceCode.parserServices?.program as ts.Program | undefined;
  const sourceFile = program?.getSourceFile(context.filename);
  if (!program || !sourceFile) return findQueriesInLoops(context.sourceCode.text, context.filename);
  const analyze = analyzers.get(program) ?? codeAnalyzer(program);
  analyzers.set(program, analyze);
  return analyze(sourceFile);
}

/**
 * `pgvigil/no-query-in-loop`: the analysis of `pgvigil n1 <dir>` on the file being linted (its
 * text and name: receivers told by imports, handles and names; by their types, and imported
 * functions followed, when typescript-eslint has a program: typed linting), reported
 * at the call with the loop's line and the batch form. Works with espree and @typescript-eslint/parser alike.
 */
export const noQueryInLoopRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow database calls that run once per item of a loop (N+1 queries).',
      url: 'https://github.com/pgvigil/pgvigil/blob/main/docs/rules/no-query-in-loop.md',
    },
    messages: { queryInLoop: '{{ text }}' },
    schema: [
      {
        type: 'object',
        properties: { libraries: { type: 'array', items: { enum: [...LIBRARIES] }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const options = (context.options[0] ?? {}) as NoQueryInLoopOptions;
    return {
      'Program:exit'() {
        for (const found of queriesOf(context)) {
          if (options.libraries && !options.libraries.includes(found.library)) continue;
          const { message, help } = queryInLoopText(found, context.filename);
          context.report({
            loc: { line: found.line, column: found.column - 1 },
            messageId: 'queryInLoop',
            data: { text: `${message} ${help}` },
          });
        }
      },
    };
  },
};
