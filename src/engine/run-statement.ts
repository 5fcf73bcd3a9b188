import type { Statement } from '../sql/statement.js';
import { hasCopyFromStdin, NO_COPY_DATA } from './copy-from-stdin.js';
import type { Engine } from './engine.js';

/** A statement as a file gave it: its text, and for `COPY … FROM STDIN` the rows after it. */
export type RunnableStatement = Pick<Statement, 'text' | 'copyData'>;

/** Runs one statement of a file, a COPY FROM STDIN with its rows, as psql would. */
export async function runStatement(engine: Engine, statement: RunnableStatement | string): Promise<void> {
  const { text, copyData } =
    typeof statement === 'string' ? { text: statement, copyData: undefined } : statement;
  if (copyData !== undefined && engine.copyFrom) return engine.copyFrom(text, copyData);
  if (hasCopyFromStdin(text)) throw new Error(NO_COPY_DATA);
  return engine.exec(text);
}
