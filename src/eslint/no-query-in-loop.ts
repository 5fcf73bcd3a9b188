import type { Rule } from 'eslint';
import { LIBRARIES } from '../sources/code/db-libraries.js';
import { findQueriesInLoops } from '../sources/code/find-queries-in-loops.js';
import { queryInLoopText } from '../sources/code/query-in-loop-text.js';

/** Options of `pgvigil/no-query-in-loop`. */
export interface NoQueryInLoopOptions {
  /** Report only these clients' calls (all nine when unset). */
  readonly libraries?: readonly string[];
}

/**
 * `pgvigil/no-query-in-loop`: the analysis of `pgvigil n1 <dir>` on the file being linted (its
 * text and name; without a program, so receivers are told by imports, handles and names), reported
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
        for (const found of findQueriesInLoops(context.sourceCode.text, context.filename)) {
          if (options.libraries && !options.libraries.includes(found.library)) continue;
          const { message, help } = queryInLoopText(found);
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
