import type * as TS from 'typescript';
import { type CodeLoop, isFanIn } from './loop-place.js';
import { ts } from './typescript.js';

const isAsync = (fn: TS.Node): boolean =>
  ts.isFunctionLike(fn) && (ts.getCombinedModifierFlags(fn as TS.Declaration) & ts.ModifierFlags.Async) !== 0;

/** The function a node's value is returned from (a `return` or an arrow's expression body). */
function returnedFrom(node: TS.Node, parent: TS.Node): TS.Node | undefined {
  if (ts.isReturnStatement(parent)) {
    for (let at: TS.Node | undefined = parent; at; at = at.parent) if (ts.isFunctionLike(at)) return at;
    return undefined;
  }
  return ts.isArrowFunction(parent) && parent.body === node ? parent : undefined;
}

/**
 * Whether a lazy query (a builder or thenable that sends nothing until someone awaits it) is run
 * right where it is written: awaited, returned from an async function or from a callback whose
 * results Promise.all awaits, or one of the array Promise.all awaits. A builder made in a loop and
 * run once after it is not.
 */
export function runsHere(node: TS.Expression, loop: CodeLoop | undefined): boolean {
  let child: TS.Node = node;
  while (
    ts.isParenthesizedExpression(child.parent) ||
    ts.isAsExpression(child.parent) ||
    ts.isNonNullExpression(child.parent)
  )
    child = child.parent;
  const parent = child.parent;
  if (ts.isAwaitExpression(parent)) return true;
  if (ts.isArrayLiteralExpression(parent))
    return isFanIn(ts.isCallExpression(parent.parent) ? parent.parent : undefined);
  const fn = returnedFrom(child, parent);
  if (!fn) return false;
  return isAsync(fn) || (loop?.fanOut === true && loop.callback === fn);
}

/** Whether a node runs before the first `await` of the callback a concurrent loop runs it in. */
export function beforeFirstAwait(node: TS.Node, callback: TS.FunctionLikeDeclaration): boolean {
  let first: number | undefined;
  const visit = (at: TS.Node): void => {
    if (first !== undefined) return;
    if (ts.isAwaitExpression(at) && at.expression.getStart() < node.getStart()) first = at.getStart();
    else if (!(ts.isFunctionLike(at) && at !== callback)) ts.forEachChild(at, visit);
  };
  visit(callback);
  return first === undefined;
}
