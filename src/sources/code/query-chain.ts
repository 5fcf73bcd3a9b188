import type * as TS from 'typescript';
import { ts } from './typescript.js';

/** One step of a call chain: a name, and the arguments when the step is a call. */
export interface ChainLink {
  readonly name: string;
  /** Set when the step is a call; a tagged template is a call without arguments. */
  readonly args?: readonly TS.Expression[];
  readonly tagged?: boolean;
  /** The chain's expression up to and including this link. */
  readonly node: TS.Expression;
}

/**
 * A chain like `knex('users').where({ id }).first()` or `this.prisma.user.findMany(…)`, read from
 * its root: `knex('users')`, `where(…)`, `first()`. The first link is an identifier or `this`.
 */
export interface QueryChain {
  readonly links: readonly ChainLink[];
  /** The whole expression (the last link's node). */
  readonly node: TS.Expression;
}

export const unwrap = (node: TS.Expression): TS.Expression =>
  ts.isParenthesizedExpression(node) ||
  ts.isNonNullExpression(node) ||
  ts.isAsExpression(node) ||
  ts.isSatisfiesExpression(node)
    ? unwrap(node.expression)
    : node;

interface Call {
  readonly args: readonly TS.Expression[];
  readonly tagged: boolean;
  readonly node: TS.Expression;
}

const link = (name: string, node: TS.Expression, call: Call | undefined): ChainLink =>
  call ? { name, args: call.args, tagged: call.tagged, node: call.node } : { name, node };

/** The chain an expression ends; undefined when its root is not a name (a literal, an element access…). */
export function readChain(node: TS.Expression): QueryChain | undefined {
  const links: ChainLink[] = [];
  let current = unwrap(node);
  let call: Call | undefined;
  for (;;) {
    if (ts.isCallExpression(current) || ts.isTaggedTemplateExpression(current)) {
      if (call) return undefined;
      const tagged = ts.isTaggedTemplateExpression(current);
      call = { args: tagged ? [] : (current as TS.CallExpression).arguments, tagged, node: current };
      current = unwrap(
        tagged ? (current as TS.TaggedTemplateExpression).tag : (current as TS.CallExpression).expression,
      );
    } else if (ts.isPropertyAccessExpression(current)) {
      links.unshift(link(current.name.text, current, call));
      call = undefined;
      current = unwrap(current.expression);
    } else if (ts.isIdentifier(current) || current.kind === ts.SyntaxKind.ThisKeyword) {
      links.unshift(link(ts.isIdentifier(current) ? current.text : 'this', current, call));
      return { links, node };
    } else return undefined;
  }
}

/** Whether `node` is the outermost expression of its chain: nothing more is read or called on it. */
export function isChainEnd(node: TS.Expression): boolean {
  let child: TS.Node = node;
  while (ts.isParenthesizedExpression(child.parent) || ts.isNonNullExpression(child.parent))
    child = child.parent;
  return !(ts.isPropertyAccessExpression(child.parent) && child.parent.expression === child);
}
