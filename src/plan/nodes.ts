import type { PlanNode } from './model.js';

/** Every node of the tree in pre-order (the order of PlanNode.id). */
export function planNodes(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (node: PlanNode): void => {
    out.push(node);
    for (const child of node.children) visit(child);
  };
  visit(root);
  return out;
}
