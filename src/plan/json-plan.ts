import { definedFields } from '../util/without-absent.js';
import { buffersOf } from './buffers.js';
import type { Plan, PlanNode, PlanTrigger, PlanValue, PlanWorker } from './model.js';
import { PlanFormatError } from './plan-error.js';
import { titleOf } from './titles.js';

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function num(raw: Raw, key: string): number | undefined {
  const value = raw[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(raw: Raw, key: string): string | undefined {
  const value = raw[key];
  return typeof value === 'string' ? value : undefined;
}

/** A node's scalar and list properties; nested objects other than children and workers are kept as JSON text. */
function propertiesOf(raw: Raw): Record<string, PlanValue> {
  const properties: Record<string, PlanValue> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'Plans' || key === 'Workers' || value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      properties[key] = value;
    else if (Array.isArray(value) && value.every((item) => typeof item === 'string')) properties[key] = value;
    else properties[key] = JSON.stringify(value);
  }
  return properties;
}

function workerOf(raw: unknown): PlanWorker | undefined {
  if (!isRecord(raw)) return undefined;
  const properties = propertiesOf(raw);
  const worker = { number: num(raw, 'Worker Number') ?? 0, properties };
  return {
    ...worker,
    ...definedFields({
      actualTotalMs: num(raw, 'Actual Total Time'),
      actualRows: num(raw, 'Actual Rows'),
      actualLoops: num(raw, 'Actual Loops'),
    }),
  };
}

/** Deeper than any plan PostgreSQL makes (each level is a join or subquery); the limit keeps recursion safe. */
export const MAX_PLAN_DEPTH = 400;

/** Builds the typed node (and its subtree) from EXPLAIN JSON properties; ids count in pre-order. */
export function nodeFromRaw(raw: Raw, next: { id: number }, analyzed: boolean, depth = 0): PlanNode {
  if (depth > MAX_PLAN_DEPTH)
    throw new PlanFormatError(
      `the plan nests more than ${MAX_PLAN_DEPTH} levels deep: is it a real EXPLAIN?`,
    );
  const id = next.id++;
  const properties = propertiesOf(raw);
  const children = (Array.isArray(raw.Plans) ? raw.Plans : [])
    .filter(isRecord)
    .map((child) => nodeFromRaw(child, next, analyzed, depth + 1));
  const workers = (Array.isArray(raw.Workers) ? raw.Workers : []).flatMap((w) => workerOf(w) ?? []);
  const buffers = buffersOf(properties);
  const loops = num(raw, 'Actual Loops');
  return {
    id,
    nodeType: str(raw, 'Node Type') ?? 'Unknown',
    title: titleOf({
      'Node Type': str(raw, 'Node Type') ?? 'Unknown',
      ...definedFields({
        Strategy: str(raw, 'Strategy'),
        'Partial Mode': str(raw, 'Partial Mode'),
        'Join Type': str(raw, 'Join Type'),
        Operation: str(raw, 'Operation'),
        Command: str(raw, 'Command'),
        'Custom Plan Provider': str(raw, 'Custom Plan Provider'),
      }),
      'Parallel Aware': raw['Parallel Aware'] === true,
      'Async Capable': raw['Async Capable'] === true,
    }),
    parallelAware: raw['Parallel Aware'] === true,
    backward: raw['Scan Direction'] === 'Backward',
    neverExecuted: analyzed && loops === 0,
    workers,
    properties,
    children,
    ...definedFields({
      relation: str(raw, 'Relation Name'),
      schema: str(raw, 'Schema'),
      alias: str(raw, 'Alias'),
      indexName: str(raw, 'Index Name'),
      parentRelationship: str(raw, 'Parent Relationship'),
      subplanName: str(raw, 'Subplan Name'),
      startupCost: num(raw, 'Startup Cost'),
      totalCost: num(raw, 'Total Cost'),
      planRows: num(raw, 'Plan Rows'),
      planWidth: num(raw, 'Plan Width'),
      actualStartupMs: num(raw, 'Actual Startup Time'),
      actualTotalMs: num(raw, 'Actual Total Time'),
      actualRows: num(raw, 'Actual Rows'),
      actualLoops: loops,
      buffers,
    }),
  };
}

function triggersOf(raw: unknown): PlanTrigger[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((t) =>
    definedFields({
      name: str(t, 'Trigger Name'),
      constraint: str(t, 'Constraint Name'),
      relation: str(t, 'Relation'),
      timeMs: num(t, 'Time'),
      calls: num(t, 'Calls'),
    }),
  );
}

function jitOf(raw: unknown): Plan['jit'] {
  if (!isRecord(raw)) return undefined;
  const timing = isRecord(raw.Timing) ? raw.Timing : {};
  const total = timing.Total;
  return definedFields({
    functions: num(raw, 'Functions'),
    // PostgreSQL 15 and later nest the total under Timing.Total.Time with BUFFERS-style detail.
    totalMs: typeof total === 'number' ? total : isRecord(total) ? num(total, 'Time') : undefined,
  });
}

/** The one plan in EXPLAIN's JSON output: the array EXPLAIN prints, or its single element. */
export function planFromJson(value: unknown): Plan {
  const top = Array.isArray(value) ? value[0] : value;
  if (!isRecord(top) || !isRecord(top.Plan))
    throw new PlanFormatError(
      'the JSON has no "Plan" object: give the output of EXPLAIN (FORMAT JSON), the whole array.',
    );
  const analyzed = typeof top['Execution Time'] === 'number' || 'Actual Loops' in top.Plan;
  const planning = isRecord(top.Planning) ? buffersOf(propertiesOf(top.Planning)) : undefined;
  const settings = isRecord(top.Settings)
    ? Object.fromEntries(Object.entries(top.Settings).map(([k, v]) => [k, String(v)]))
    : {};
  return {
    root: nodeFromRaw(top.Plan, { id: 0 }, analyzed),
    analyzed,
    triggers: triggersOf(top.Triggers),
    settings,
    ...definedFields({
      planningMs: num(top, 'Planning Time'),
      executionMs: num(top, 'Execution Time'),
      planningBuffers: planning,
      jit: jitOf(top.JIT),
    }),
  };
}
