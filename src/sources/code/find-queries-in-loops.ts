import type * as TS from 'typescript';
import { codeAnalyzer, type QueryInLoop } from './code-analyzer.js';
import { ts } from './typescript.js';

export type { QueryInLoop } from './code-analyzer.js';

/** How TypeScript should read a file, by its extension. */
export function scriptKind(fileName: string): TS.ScriptKind {
  if (fileName.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (fileName.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return /\.[cm]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

/**
 * Database reads inside loops of one JavaScript or TypeScript file, without a program: receivers
 * are told by the file's imports, the handles it makes and types, and their names. Functions of
 * the same file that query count when called in a loop. The ESLint rule runs this.
 */
export function findQueriesInLoops(text: string, fileName = 'input.ts'): QueryInLoop[] {
  const sourceFile = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, scriptKind(fileName));
  return codeAnalyzer()(sourceFile);
}
