import { dirname, relative } from 'node:path';
import type { QueryInLoop } from './code-analyzer.js';
import { BATCH_FORM } from './db-libraries.js';

/** The words of a no-query-in-loop finding, shared by `pgvigil n1` and the ESLint rule. */
export interface QueryInLoopText {
  readonly message: string;
  readonly why: string;
  readonly help: string;
}

const loopName = (kind: string): string => (kind.startsWith('.') ? `${kind} callback` : `${kind} loop`);

export function queryInLoopText(found: QueryInLoop, file?: string): QueryInLoopText {
  const loop = `the ${loopName(found.loopKind)} at line ${found.loopLine}`;
  const via = found.via;
  const where =
    via &&
    (via.file === file || !file ? `line ${via.line}` : `${relative(dirname(file), via.file)}:${via.line}`);
  return {
    message: via
      ? `\`${found.call}…\` runs once per item of ${loop}, and ${via.name}() queries with \`${via.call}…\` at ${where}: one query per row (${found.library}).`
      : `\`${found.call}…\` runs once per item of ${loop}: one query per row (${found.library}).`,
    why: 'Each iteration is its own round trip, plan and scan: N items make N queries where one would read the same rows.',
    help: `Collect the keys first and load every row in one query, ${BATCH_FORM[found.library]}, then group the rows in memory (or let one query return them nested with json_agg: docs/rules/no-query-in-loop.md).`,
  };
}
