import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type * as TS from 'typescript';
import { codeAnalyzer, type QueryInLoop } from './code-analyzer.js';
import { scriptKind } from './find-queries-in-loops.js';
import { ts } from './typescript.js';

/** One file's text and its queries in loops. */
export interface FileQueries {
  readonly text: string;
  readonly found: readonly QueryInLoop[];
}

/** The tsconfig.json that governs a directory: the nearest one up to the project's root (package.json or .git). */
function tsconfigFor(dir: string, cache: Map<string, string | null>): string | undefined {
  const known = cache.get(dir);
  if (known !== undefined) return known ?? undefined;
  const candidate = join(dir, 'tsconfig.json');
  const atRoot =
    existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git')) || dirname(dir) === dir;
  const found = existsSync(candidate) ? candidate : atRoot ? undefined : tsconfigFor(dirname(dir), cache);
  cache.set(dir, found ?? null);
  return found;
}

/** A program over the given files with the tsconfig's options, JavaScript included; undefined when the tsconfig does not parse. */
function programFor(tsconfig: string, files: readonly string[]): TS.Program | undefined {
  const read = ts.readConfigFile(tsconfig, ts.sys.readFile);
  if (read.error) return undefined;
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dirname(tsconfig));
  // The files asked about, what they import and the project's own declarations (`declare module`):
  // the analysis needs no other global types, nor emit.
  const options = { ...parsed.options, allowJs: true, noEmit: true, skipLibCheck: true, types: [] };
  const declarations = parsed.fileNames.filter((name) => name.endsWith('.d.ts'));
  const host = ts.createCompilerHost(options);
  const readSource = host.getSourceFile.bind(host);
  // Node's own types (@types/pg pulls them in) are a third of the program and tell no database handle apart.
  host.getSourceFile = (name, target, ...rest) =>
    name.includes('/node_modules/@types/node/')
      ? ts.createSourceFile(name, '', target)
      : readSource(name, target, ...rest);
  return ts.createProgram({ rootNames: [...files, ...declarations], options, host });
}

/**
 * no-query-in-loop over files of one or more projects. Files under a tsconfig.json share one
 * program (so one type checker per tsconfig, not per file): receivers are recognised by their
 * types and functions imported from the project's other files are followed. Files outside any
 * tsconfig are read one by one (imports, names).
 */
export async function findQueriesInFiles(files: readonly string[]): Promise<Map<string, FileQueries>> {
  const cache = new Map<string, string | null>();
  const groups = new Map<string | undefined, string[]>();
  for (const file of files) {
    const tsconfig = tsconfigFor(dirname(resolve(file)), cache);
    groups.set(tsconfig, [...(groups.get(tsconfig) ?? []), file]);
  }
  const result = new Map<string, FileQueries>();
  const alone = codeAnalyzer();
  for (const [tsconfig, group] of groups) {
    const program = tsconfig
      ? programFor(
          tsconfig,
          group.map((file) => resolve(file)),
        )
      : undefined;
    const analyze = program ? codeAnalyzer(program) : alone;
    for (const file of group) {
      const fromProgram = program?.getSourceFile(resolve(file));
      const text = fromProgram?.text ?? (await readFile(file, 'utf8'));
      const sourceFile =
        fromProgram ?? ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, scriptKind(file));
      result.set(file, { text, found: fromProgram ? analyze(sourceFile) : alone(sourceFile) });
    }
  }
  return result;
}
