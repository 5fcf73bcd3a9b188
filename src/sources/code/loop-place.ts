import type * as TS from 'typescript';
import { ts } from './typescript.js';

/** A loop that runs a piece of code once per item. */
export interface CodeLoop {
  /** `for`, `for…of`, `for…in`, `while`, `do`, or the array method: `.map`, `.forEach`… */
  readonly kind: string;
  readonly node: TS.Node;
  /** A callback loop whose calls all start in one tick: `.map`, `.flatMap`, `.forEach` (each callback runs up to its first await). */
  readonly concurrent: boolean;
  /** A `.map` / `.flatMap` whose results Promise.all (or allSettled) awaits. */
  readonly fanOut: boolean;
  /** The callback a callback loop runs per item. */
  readonly callback?: TS.FunctionLikeDeclaration;
}

/** A function with a name of its own, which code elsewhere calls: where a query's per-item cost is passed on. */
export type NamedFunction = TS.FunctionLikeDeclaration;

export interface CodePlace {
  readonly loop?: CodeLoop;
  /** The named function the node runs in, when not at a module's top level. */
  readonly owner?: NamedFunction;
}

const ITERATING = new Set([
  'forEach',
  'map',
  'flatMap',
  'reduce',
  'reduceRight',
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
]);
const FAN_IN = new Set(['all', 'allSettled']);
/** Calls that keep a callback for later (a test, a timer, a listener): it does not run per iteration of a loop around them. */
const DEFERRING = new Set([
  'it',
  'test',
  'describe',
  'beforeAll',
  'beforeEach',
  'afterAll',
  'afterEach',
  'bench',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'on',
  'once',
  'addListener',
  'addEventListener',
]);

function statementLoop(parent: TS.Node, child: TS.Node): string | undefined {
  if (ts.isForStatement(parent))
    return child === parent.statement || child === parent.condition || child === parent.incrementor
      ? 'for'
      : undefined;
  if (ts.isForOfStatement(parent)) return child === parent.statement ? 'for…of' : undefined;
  if (ts.isForInStatement(parent)) return child === parent.statement ? 'for…in' : undefined;
  if (ts.isWhileStatement(parent)) return 'while';
  if (ts.isDoStatement(parent)) return 'do';
  return undefined;
}

/** The call an expression is an argument of, through parentheses. */
function argumentOf(node: TS.Node): TS.CallExpression | undefined {
  let child = node;
  while (ts.isParenthesizedExpression(child.parent)) child = child.parent;
  const call = child.parent;
  return call && ts.isCallExpression(call) && call.arguments.includes(child as TS.Expression)
    ? call
    : undefined;
}

/** `Promise.all(x)` / `Promise.allSettled(x)`. */
export function isFanIn(call: TS.CallExpression | undefined): boolean {
  const callee = call?.expression;
  return (
    callee !== undefined &&
    ts.isPropertyAccessExpression(callee) &&
    FAN_IN.has(callee.name.text) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise'
  );
}

/** The loop a callback runs in when it is the per-item function of an array method (`Array.from(x, fn)` too). */
function callbackLoop(fn: TS.FunctionLikeDeclaration): CodeLoop | undefined {
  const call = argumentOf(fn);
  const callee = call?.expression;
  if (!call || !callee || !ts.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.name.text;
  const isFrom = name === 'from' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Array';
  if (!(ITERATING.has(name) && call.arguments[0] === fn) && !(isFrom && call.arguments[1] === fn))
    return undefined;
  const fanOut = (name === 'map' || name === 'flatMap' || isFrom) && isFanIn(argumentOf(call));
  return {
    kind: `.${name}`,
    node: call,
    concurrent: ['map', 'flatMap', 'forEach'].includes(name) || isFrom,
    fanOut,
    callback: fn,
  };
}

const calleeName = (call: TS.CallExpression): string => {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
};

/** A function written in place and run by the call it is handed to (`.then`, `transaction(…)`), or called at once. */
function isCallback(fn: TS.FunctionLikeDeclaration): boolean {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const call = argumentOf(fn);
  if (call) return !DEFERRING.has(calleeName(call));
  return ts.isParenthesizedExpression(fn.parent) && ts.isCallExpression(fn.parent.parent);
}

/**
 * Where a node runs: the innermost loop that repeats it and the named function it belongs to. A
 * callback handed to another call (`.then`, `transaction(async (trx) => …)`) runs where that call
 * runs; a named function's body runs where it is called, which is for its callers to say.
 */
export function placeOf(node: TS.Node): CodePlace {
  let loop: CodeLoop | undefined;
  let child: TS.Node = node;
  for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
    const kind = loop ? undefined : statementLoop(parent, child);
    if (kind) loop = { kind, node: parent, concurrent: false, fanOut: false };
    if (!ts.isFunctionLike(parent) || !('body' in parent) || parent.body !== child) continue;
    const fn = parent as TS.FunctionLikeDeclaration;
    const iterated = callbackLoop(fn);
    if (iterated) loop ??= iterated;
    else if (!isCallback(fn)) return { ...(loop && { loop }), owner: fn };
  }
  return loop ? { loop } : {};
}
