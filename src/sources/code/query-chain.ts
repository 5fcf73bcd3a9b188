import ts from 'typescript';

/** One step of a call chain: a name, and the arguments when the step is a call. */
export interface ChainLink {
  readonly name: string;
  /** Set when the step is a call; a tagged template is a call without arguments. */
  readonly args?: readonly ts.Expression[];
  readonly tagged?: boolean;
  /** The chain's expression up to and including this link. */
  readonly node: ts.Expression;
}

/**
 * A chain like `knex('users').where({ id }).first()` or `this.prisma.user.findMany(…)`, read from
 * its root: `knex('users')`, `where(…)`, `first()`. The first link is an identifier or `this`.
 */
export interface QueryChain {
  readonly links: readonly ChainLink[];
  /** The whole expression (the last link's node). */
  readonly node: ts.Expression;
}

export const unwrap = (node: ts.Expression): ts.Expression =>
  ts.isParenthesizedExpression(node) ||
  ts.isNonNullExpression(node) ||
  ts.isAsExpression(node) ||
  ts.isSatisfiesExpression(node)
    ? unwrap(node.expression)
    : node;

interface Call {
  readonly args: readonly ts.Expression[];
  readonly tagged: boolean;
  readonly node: ts.Expression;
}

const link = (name: string, node: ts.Expression, call: Call | undefined): ChainLink =>
  call ? { name, args: call.args, tagged: call.tagged, node: call.node } : { name, node };

/** The chain an expression ends; undefined when its root is not a name (a literal, an element access…). */
export function readChain(node: ts.Expression): QueryChain | undefined {
  const links: ChainLink[] = [];
  let current = unwrap(node);
  let call: Call | undefined;
  for (;;) {
    if (ts.isCallExpression(current) || ts.isTaggedTemplateExpression(current)) {
      if (call) return undefined;
      const tagged = ts.isTaggedTemplateExpression(current);
      call = { args: tagged ? [] : (current as ts.CallExpression).arguments, tagged, node: current };
      current = unwrap(
        tagged ? (current as ts.TaggedTemplateExpression).tag : (current as ts.CallExpression).expression,
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
export function isChainEnd(node: ts.Expression): boolean {
  let child: ts.Node = node;
  while (ts.isParenthesizedExpression(child.parent) || ts.isNonNullExpression(child.parent))
    child = child.parent;
  return !(ts.isPropertyAccessExpression(child.parent) && child.parent.expression === child);
}
