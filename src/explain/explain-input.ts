import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isStdin, stdinText } from '../util/stdin.js';
import { ExplainError } from './explain-error.js';

/** What `pgvigil explain` was given: a plan EXPLAIN printed, or SQL to plan; from a file or the argument itself. */
export interface ExplainInput {
  readonly kind: 'plan' | 'sql';
  readonly text: string;
  /** The file it came from; undefined when the argument was the text itself. */
  readonly file?: string;
}

const PLAN_EXTENSIONS: ReadonlySet<string> = new Set(['.json', '.plan']);

/** EXPLAIN output, JSON or text, rather than SQL. */
export function looksLikePlan(text: string): boolean {
  return (
    /^\s*[[{]/.test(text) ||
    /\(cost=[\d.]+\.\.[\d.]+ rows=|\(actual (time=|rows=)|^\s*QUERY PLAN\s*$/m.test(text)
  );
}

export async function readExplainInput(argument: string): Promise<ExplainInput> {
  if (isStdin(argument)) {
    const text = await stdinText();
    return { kind: looksLikePlan(text) ? 'plan' : 'sql', text, file: argument };
  }
  const info = await stat(argument).catch(() => undefined);
  if (info?.isDirectory())
    throw new ExplainError(`${argument} is a directory; give explain one SQL file, plan file or query.`);
  if (!info) {
    if (/^[\w./\\-]+\.(sql|json|txt|plan)$/i.test(argument))
      throw new ExplainError(`${argument}: no such file; give a SQL file, a plan file or the query itself.`);
    return { kind: looksLikePlan(argument) ? 'plan' : 'sql', text: argument };
  }
  const text = await readFile(argument, 'utf8');
  const ext = extname(argument).toLowerCase();
  const kind = PLAN_EXTENSIONS.has(ext) || (ext !== '.sql' && looksLikePlan(text)) ? 'plan' : 'sql';
  return { kind, text, file: argument };
}
