import type * as TS from 'typescript';
import { EAGER } from './db-libraries.js';
import { fileHints } from './file-hints.js';
import { type CodePlace, type NamedFunction, placeOf } from './loop-place.js';
import { isChainEnd, type QueryChain, readChain } from './query-chain.js';
import { type RecognizedQuery, type Recognizer, recognizeQuery } from './recognize-query.js';
import { runsHere } from './runs-here.js';
import { ts } from './typescript.js';

/** A database read in a file, where it runs, and whether it is sent where it is written. */
export interface QuerySite {
  readonly node: TS.Expression;
  readonly query: RecognizedQuery;
  readonly place: CodePlace;
  /** Sent here (an eager client, or a lazy one awaited / returned from an async function). */
  readonly runs: boolean;
  /** A lazy query returned, unsent, to the caller of a function that is not async. */
  readonly returned: boolean;
  /** How the call reads in the message: `pool.query(`, `knex('users')`, sql` */
  readonly text: string;
}

/** A call: a query, or maybe a function of the project that queries. */
export interface CallSite {
  readonly node: TS.CallExpression | TS.TaggedTemplateExpression;
  readonly place: CodePlace;
  /** The call chain it ends, when nothing more is called on it. */
  readonly chain?: QueryChain;
}

/**
 * A file's calls and named functions. Which calls are database reads is decided on demand
 * (`queryAt`): with a type checker that costs, and only calls in loops and in functions called in
 * loops need it.
 */
export interface CodeFacts {
  readonly sourceFile: TS.SourceFile;
  readonly calls: readonly CallSite[];
  readonly queryAt: (call: CallSite) => QuerySite | undefined;
  /** Functions declared in the file by name (declarations, `const f = () => …`, methods). */
  readonly functions: ReadonlyMap<string, readonly NamedFunction[]>;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function callText(node: TS.Expression): string {
  if (ts.isTaggedTemplateExpression(node)) return `${oneLine(node.tag.getText())}\``;
  if (ts.isCallExpression(node)) {
    const callee = oneLine(node.expression.getText());
    return ts.isIdentifier(node.expression) && node.arguments.length > 0
      ? oneLine(node.getText()).slice(0, 60)
      : `${callee}(`;
  }
  return oneLine(node.getText()).slice(0, 60);
}

/** The name a function is called by in its file, if it has one. */
export function functionName(fn: NamedFunction): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  const parent = fn.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isPropertyAssignment(parent)) &&
    ts.isIdentifier(parent.name)
  )
    return parent.name.text;
  return undefined;
}

/** One pass over a file: its calls and its named functions. */
export function codeFacts(sourceFile: TS.SourceFile, typeOf?: Recognizer['typeOf']): CodeFacts {
  const recognizer: Recognizer = { hints: fileHints(sourceFile), ...(typeOf && { typeOf }) };
  const calls: CallSite[] = [];
  const functions = new Map<string, NamedFunction[]>();
  const visit = (node: TS.Node): void => {
    if (ts.isCallExpression(node) || ts.isTaggedTemplateExpression(node)) {
      const chain = isChainEnd(node) ? readChain(node) : undefined;
      calls.push({ node, place: placeOf(node), ...(chain && { chain }) });
    }
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const name = functionName(node as NamedFunction);
      if (name) functions.set(name, [...(functions.get(name) ?? []), node as NamedFunction]);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  const known = new Map<CallSite, QuerySite | undefined>();
  const queryAt = (call: CallSite): QuerySite | undefined => {
    if (!known.has(call)) known.set(call, querySite(recognizer, call));
    return known.get(call);
  };
  return { sourceFile, calls, queryAt, functions };
}

function querySite(recognizer: Recognizer, { chain, place }: CallSite): QuerySite | undefined {
  const query = chain && recognizeQuery(recognizer, chain);
  if (!query) return undefined;
  const end = chain.node;
  const site = chain.links.find((l) => l.name === query.method && l.args)?.node ?? end;
  const runs = EAGER.has(query.library) || query.thenned || runsHere(end, place.loop);
  const returned = !runs && place.owner !== undefined && returnsToCaller(end, place.owner);
  return { node: end, query, place, runs, returned, text: callText(site) };
}

/** A `return q` (or an arrow's body) of the owner itself. */
function returnsToCaller(node: TS.Node, owner: NamedFunction): boolean {
  let child = node;
  while (ts.isParenthesizedExpression(child.parent)) child = child.parent;
  const parent = child.parent;
  if (ts.isArrowFunction(parent)) return parent === owner && parent.body === child;
  if (!ts.isReturnStatement(parent)) return false;
  for (let at: TS.Node = parent; at.parent; at = at.parent) if (ts.isFunctionLike(at)) return at === owner;
  return false;
}

/** The names of a file's functions that have a body, for a quick "could this call be the project's?". */
export function functionNames(sourceFile: TS.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: TS.Node): void => {
    const name =
      ts.isFunctionLike(node) && 'body' in node && node.body
        ? functionName(node as NamedFunction)
        : undefined;
    if (name) names.push(name);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return names;
}
