import type * as TS from 'typescript';
import { type CodeFacts, codeFacts, functionName, functionNames, type QuerySite } from './code-facts.js';
import type { DbLibrary } from './db-libraries.js';
import type { CodeLoop, NamedFunction } from './loop-place.js';
import { beforeFirstAwait, runsHere } from './runs-here.js';
import { typedHandles } from './typed-handles.js';
import { ts } from './typescript.js';

/** A query call that runs once per iteration of a loop. Lines and columns are 1-based. */
export interface QueryInLoop {
  readonly library: DbLibrary;
  readonly loopKind: string;
  readonly line: number;
  readonly column: number;
  readonly loopLine: number;
  /** The call as written, up to its opening parenthesis. */
  readonly call: string;
  /** When the call is of a function of the project that queries: that function and its query. */
  readonly via?: {
    readonly name: string;
    readonly file: string;
    readonly line: number;
    readonly call: string;
  };
}

/** What calling a function does: the query it reaches, and whether the call alone sends it. */
interface Summary {
  readonly query: QuerySite;
  readonly runs: boolean;
}

const lineOf = (node: TS.Node): { line: number; column: number } => {
  const sourceFile = node.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { line: line + 1, column: character + 1 };
};

const PRISMA_BATCHED = new Set(['findUnique', 'findUniqueOrThrow']);

/** Prisma merges the findUnique calls of one tick into one query: a concurrent loop's first call is batched. */
const batchedByClient = (site: QuerySite, loop: CodeLoop): boolean =>
  site.query.library === 'Prisma' &&
  PRISMA_BATCHED.has(site.query.method) &&
  loop.concurrent &&
  loop.callback !== undefined &&
  beforeFirstAwait(site.node, loop.callback);

function isOwnFile(node: TS.Node): boolean {
  const file = node.getSourceFile();
  return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
}

/**
 * The analysis of no-query-in-loop over source files: a database read inside a loop, or a call
 * inside a loop of a function that reads (in the same file, or with a checker anywhere in the
 * program). One analyzer per program: it keeps each file's facts and each function's summary.
 */
export function codeAnalyzer(program?: TS.Program): (sourceFile: TS.SourceFile) => QueryInLoop[] {
  const checker = program?.getTypeChecker();
  const typeOf = checker ? typedHandles(checker) : undefined;
  const facts = new Map<TS.SourceFile, CodeFacts>();
  const summaries = new Map<NamedFunction, Summary | null>();
  const factsOf = (sourceFile: TS.SourceFile): CodeFacts => {
    const known = facts.get(sourceFile) ?? codeFacts(sourceFile, typeOf);
    facts.set(sourceFile, known);
    return known;
  };

  // Names of the project's functions: a call by any other name needs no symbol lookup.
  let ownNames: Set<string> | undefined;
  const isOwnName = (name: string): boolean => {
    ownNames ??= new Set(
      (program?.getSourceFiles() ?? []).filter(isOwnFile).flatMap((file) => functionNames(file)),
    );
    return ownNames.has(name);
  };

  const resolve = (call: TS.CallExpression): NamedFunction | undefined => {
    const callee = call.expression;
    const name = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isIdentifier(callee)
        ? callee.text
        : undefined;
    if (checker && name !== undefined && isOwnName(name)) {
      let symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee);
      if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
      for (const declaration of symbol?.declarations ?? []) {
        const fn = ts.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
        if (fn && ts.isFunctionLike(fn) && 'body' in fn && fn.body && isOwnFile(fn))
          return fn as NamedFunction;
      }
    }
    if (checker) return undefined;
    const own = factsOf(call.getSourceFile()).functions;
    if (ts.isIdentifier(callee)) {
      const found = own.get(callee.text);
      return found?.length === 1 ? found[0] : undefined;
    }
    if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const owningClass = ts.findAncestor(call, ts.isClassLike);
      return own.get(callee.name.text)?.find((fn) => fn.parent === owningClass);
    }
    // `service.load(id)` where `const service = { async load(id) { … } }` in the same file.
    const object =
      ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
        ? callee.expression.text
        : '';
    if (object && ts.isPropertyAccessExpression(callee))
      return own.get(callee.name.text)?.find((fn) => {
        const literal = ts.isPropertyAssignment(fn.parent) ? fn.parent.parent : fn.parent;
        const holder = literal.parent;
        return (
          ts.isObjectLiteralExpression(literal) &&
          ts.isVariableDeclaration(holder) &&
          holder.name.getText() === object
        );
      });
    return undefined;
  };

  const summaryOf = (fn: NamedFunction): Summary | undefined => {
    if (summaries.has(fn)) return summaries.get(fn) ?? undefined;
    summaries.set(fn, null);
    const { calls, queryAt } = factsOf(fn.getSourceFile());
    const async = (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
    const own = calls.filter((call) => call.place.owner === fn);
    const direct = own.map(queryAt).find((q) => q && (q.runs || q.returned));
    let summary: Summary | undefined = direct && { query: direct, runs: direct.runs || async };
    for (const call of own) {
      if (summary) break;
      const target = ts.isCallExpression(call.node) && !queryAt(call) ? resolve(call.node) : undefined;
      const inner = target && summaryOf(target);
      if (inner)
        summary = { query: inner.query, runs: inner.runs || async || runsHere(call.node, call.place.loop) };
    }
    summaries.set(fn, summary ?? null);
    return summary;
  };

  const viaFinding = (node: TS.CallExpression, loop: CodeLoop): QueryInLoop | undefined => {
    const target = resolve(node);
    const summary = target && summaryOf(target);
    if (!target || !summary || !(summary.runs || runsHere(node, loop))) return undefined;
    const query = summary.query;
    return {
      library: query.query.library,
      loopKind: loop.kind,
      ...lineOf(node),
      loopLine: lineOf(loop.node).line,
      call: `${node.expression.getText().replace(/\s+/g, ' ')}(`,
      via: {
        name: functionName(target) ?? node.expression.getText(),
        file: query.node.getSourceFile().fileName,
        line: lineOf(query.node).line,
        call: query.text,
      },
    };
  };

  return (sourceFile) => {
    const { calls, queryAt } = factsOf(sourceFile);
    const found = calls.flatMap((call): QueryInLoop[] => {
      const loop = call.place.loop;
      if (!loop) return [];
      const site = queryAt(call);
      if (!site) {
        const via = ts.isCallExpression(call.node) ? viaFinding(call.node, loop) : undefined;
        return via ? [via] : [];
      }
      if (!site.runs || batchedByClient(site, loop)) return [];
      return [
        {
          library: site.query.library,
          loopKind: loop.kind,
          ...lineOf(site.node),
          loopLine: lineOf(loop.node).line,
          call: site.text,
        },
      ];
    });
    return found.sort((a, b) => a.line - b.line || a.column - b.column);
  };
}
