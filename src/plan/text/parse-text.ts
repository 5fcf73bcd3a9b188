import { MAX_PLAN_DEPTH } from '../json-plan.js';
import { PlanFormatError } from '../plan-error.js';
import type { PlanLine } from './clean-lines.js';
import { detailProperties } from './detail-line.js';
import { parseNodeHeader } from './node-header.js';

type Raw = Record<string, unknown>;

/** Something detail lines attach to, and the indentation that opened it. */
interface Frame {
  readonly indent: number;
  readonly target: Raw;
  readonly nodeType: string;
  /** A node frame (children attach to it), rather than a worker's or a summary block's. */
  readonly node: boolean;
}

const SUBPLAN_LABEL = /^(?:(?:InitPlan|SubPlan) \d+(?: \(returns .*\))?|CTE .+)$/;
const WORKER = /^Worker (\d+):\s*(.*)$/;
const DETAIL = /^([A-Za-z][\w /()-]*?):(?:\s+(.*))?$/;
const WORKER_FIGURES = /actual(?: time=([\d.]+)\.\.([\d.]+))? rows=([\d.]+) loops=(\d+)/;

/** Nodes whose children are all alike: the text format does not say, JSON calls them members. */
const MEMBER_PARENTS = new Set(['Append', 'Merge Append', 'BitmapAnd', 'BitmapOr']);

/**
 * The text format prints no "Parent Relationship": it follows from the parent, as in
 * ExplainNode(): members of an Append, the subquery of a Subquery Scan, else outer then inner.
 */
function relate(node: Raw, depth = 0): void {
  if (depth > MAX_PLAN_DEPTH)
    throw new PlanFormatError(
      `the plan nests more than ${MAX_PLAN_DEPTH} levels deep: is it a real EXPLAIN?`,
    );
  const children = (node.Plans as Raw[] | undefined) ?? [];
  const plain = children.filter((child) => child['Parent Relationship'] === undefined);
  plain.forEach((child, index) => {
    child['Parent Relationship'] = MEMBER_PARENTS.has(String(node['Node Type']))
      ? 'Member'
      : node['Node Type'] === 'Subquery Scan'
        ? 'Subquery'
        : index === 0
          ? 'Outer'
          : 'Inner';
  });
  for (const child of children) relate(child, depth + 1);
}

function childrenOf(node: Raw): Raw[] {
  node.Plans ??= [];
  return node.Plans as Raw[];
}

/** "Trigger for constraint fk on posts: time=1.2 calls=3" → one entry of the JSON Triggers list. */
function trigger(label: string, value: string): Raw {
  const [, constraint, name, on] = /^Trigger (?:for constraint (\S+)|(\S+))(?: on (\S+))?$/.exec(label) ?? [];
  const time = /time=([\d.]+)/.exec(value)?.[1];
  const calls = /calls=(\d+)/.exec(value)?.[1];
  return {
    ...(constraint ? { 'Constraint Name': constraint } : {}),
    ...(name ? { 'Trigger Name': name } : {}),
    ...(on ? { Relation: on } : {}),
    ...(time ? { Time: Number(time) } : {}),
    ...(calls ? { Calls: Number(calls) } : {}),
  };
}

/** Top-level lines after the tree: timings, settings, JIT, triggers. */
function summaryLine(top: Raw, key: string, value: string, stack: Frame[], indent: number): void {
  if (key.startsWith('Trigger ')) {
    top.Triggers ??= [];
    (top.Triggers as Raw[]).push(trigger(key, value));
  } else if (key === 'Settings') {
    top.Settings = Object.fromEntries(
      value.split(/,\s+(?=\w+ = )/).map((pair) => {
        const [name = '', setting = ''] = pair.split(' = ');
        return [name.trim(), setting.trim().replace(/^'(.*)'$/, '$1')];
      }),
    );
  } else if (value === '') {
    const block: Raw = {};
    top[key] = block;
    stack.push({ indent, target: block, nodeType: key, node: false });
  } else {
    const ms = /^([\d.]+) ms$/.exec(value);
    top[key === 'Total runtime' ? 'Execution Time' : key] = ms ? Number(ms[1]) : value;
  }
}

/** JIT's "Timing: Generation 0.5 ms, ..., Total 4.8 ms" as the JSON Timing object. */
function jitTiming(value: string): Raw {
  const total = /Total ([\d.]+) ms/.exec(value)?.[1];
  return total === undefined ? {} : { Timing: { Total: Number(total) } };
}

/**
 * The text EXPLAIN prints, as the JSON it stands for (`[{ "Plan": ..., "Execution Time": ... }]`),
 * so one reader builds the plan model from either. Nodes nest by the column of their "->".
 */
export function textToJson(lines: readonly PlanLine[]): Raw[] {
  const top: Raw = {};
  const stack: Frame[] = [];
  let root: Raw | undefined;
  let pendingLabel: { indent: number; name: string } | undefined;
  for (const line of lines) {
    const arrow = /^->\s*(.*)$/.exec(line.text);
    while (stack.length > 0 && (stack.at(-1) as Frame).indent >= line.indent) stack.pop();
    const frame = stack.at(-1);
    if (arrow || (!root && !DETAIL.test(line.text))) {
      const node = parseNodeHeader(arrow ? (arrow[1] ?? '') : line.text);
      const parent = stack.findLast((f) => f.node);
      if (root && !parent)
        throw new PlanFormatError(`line ${line.number}: a plan node outside the plan tree.`, line.number);
      if (pendingLabel && line.indent > pendingLabel.indent) {
        node['Parent Relationship'] = pendingLabel.name.startsWith('SubPlan') ? 'SubPlan' : 'InitPlan';
        node['Subplan Name'] = pendingLabel.name;
      }
      pendingLabel = undefined;
      if (parent) childrenOf(parent.target).push(node);
      else root = node;
      stack.push({ indent: line.indent, target: node, nodeType: String(node['Node Type']), node: true });
      continue;
    }
    if (SUBPLAN_LABEL.test(line.text)) {
      pendingLabel = { indent: line.indent, name: line.text };
      continue;
    }
    const worker = WORKER.exec(line.text);
    if (worker && frame?.node) {
      const entry: Raw = { 'Worker Number': Number(worker[1]) };
      const figures = WORKER_FIGURES.exec(worker[2] ?? '');
      if (figures) {
        if (figures[1] !== undefined)
          Object.assign(entry, {
            'Actual Startup Time': Number(figures[1]),
            'Actual Total Time': Number(figures[2]),
          });
        Object.assign(entry, { 'Actual Rows': Number(figures[3]), 'Actual Loops': Number(figures[4]) });
      }
      frame.target.Workers ??= [];
      (frame.target.Workers as Raw[]).push(entry);
      stack.push({ indent: line.indent, target: entry, nodeType: frame.nodeType, node: false });
      continue;
    }
    const detail = DETAIL.exec(line.text);
    if (!detail)
      throw new PlanFormatError(
        `line ${line.number}: "${line.text.slice(0, 60)}" is neither a plan node nor a "Name: value" detail.`,
        line.number,
      );
    const [, key = '', value = ''] = detail;
    if (!frame) summaryLine(top, key, value, stack, line.indent);
    else if (frame.nodeType === 'JIT' && key === 'Timing') Object.assign(frame.target, jitTiming(value));
    else Object.assign(frame.target, detailProperties(key, value, frame.nodeType));
  }
  if (!root) throw new PlanFormatError('no plan node found: paste the whole output of EXPLAIN.');
  relate(root);
  return [{ Plan: root, ...top }];
}
