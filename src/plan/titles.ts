/**
 * The text format titles a node by folding several JSON properties into one phrase
 * ("Partial HashAggregate", "Hash Right Anti Join", "Parallel Index Only Scan Backward"): the
 * rules are those of ExplainNode() in PostgreSQL's src/backend/commands/explain.c. Both directions
 * live here so JSON and text plans meet in one model.
 */

const AGGREGATE_TITLES: Readonly<Record<string, string>> = {
  Plain: 'Aggregate',
  Sorted: 'GroupAggregate',
  Hashed: 'HashAggregate',
  Mixed: 'MixedAggregate',
};
const JOIN_NODES: Readonly<Record<string, string>> = {
  'Nested Loop': 'Nested Loop',
  'Hash Join': 'Hash',
  'Merge Join': 'Merge',
};
const MODIFY_OPERATIONS = ['Insert', 'Update', 'Delete', 'Merge'];

/** The properties a title stands for, named as in EXPLAIN's JSON format. */
export interface TitleParts {
  readonly 'Node Type': string;
  readonly Strategy?: string;
  readonly 'Partial Mode'?: string;
  readonly 'Join Type'?: string;
  readonly Operation?: string;
  readonly Command?: string;
  readonly 'Parallel Aware'?: boolean;
  readonly 'Async Capable'?: boolean;
  readonly 'Custom Plan Provider'?: string;
}

function joinTitle(base: string, joinType: string | undefined): string {
  if (joinType === undefined || joinType === 'Inner') return base === 'Nested Loop' ? base : `${base} Join`;
  return `${base} ${joinType} Join`;
}

function coreTitle(parts: TitleParts): string {
  const type = parts['Node Type'];
  if (type === 'Aggregate') {
    const name = AGGREGATE_TITLES[parts.Strategy ?? 'Plain'] ?? 'Aggregate';
    const mode = parts['Partial Mode'];
    return mode && mode !== 'Simple' ? `${mode} ${name}` : name;
  }
  if (type === 'SetOp')
    return `${parts.Strategy === 'Hashed' ? 'HashSetOp' : 'SetOp'} ${parts.Command ?? ''}`.trim();
  const join = JOIN_NODES[type];
  if (join) return joinTitle(join, parts['Join Type']);
  if (type === 'ModifyTable' && parts.Operation) return parts.Operation;
  if (type === 'Custom Scan' && parts['Custom Plan Provider'])
    return `Custom Scan (${parts['Custom Plan Provider']})`;
  return type;
}

/** The text format's title for a node's JSON properties. */
export function titleOf(parts: TitleParts): string {
  const prefixes = [parts['Async Capable'] ? 'Async' : '', parts['Parallel Aware'] ? 'Parallel' : ''];
  return [...prefixes.filter(Boolean), coreTitle(parts)].join(' ');
}

function aggregateParts(rest: string): TitleParts | undefined {
  const match = /^(?:(Partial|Finalize) )?(Aggregate|GroupAggregate|HashAggregate|MixedAggregate)$/.exec(
    rest,
  );
  if (!match) return undefined;
  const strategy = Object.entries(AGGREGATE_TITLES).find(([, title]) => title === match[2])?.[0];
  return { 'Node Type': 'Aggregate', Strategy: strategy, 'Partial Mode': match[1] ?? 'Simple' };
}

function joinParts(rest: string): TitleParts | undefined {
  const match =
    /^(Nested Loop|Hash|Merge)(?: (Left|Full|Right|Semi|Anti|Right Semi|Right Anti))?(?: Join)?$/.exec(rest);
  if (!match?.[1] || (match[1] !== 'Nested Loop' && !rest.endsWith('Join'))) return undefined;
  const nodeType = Object.entries(JOIN_NODES).find(([, base]) => base === match[1])?.[0] ?? match[1];
  return { 'Node Type': nodeType, 'Join Type': match[2] ?? 'Inner' };
}

function otherParts(rest: string): TitleParts {
  const setOp = /^(Hash)?SetOp (.+)$/.exec(rest);
  if (setOp?.[2])
    return { 'Node Type': 'SetOp', Strategy: setOp[1] ? 'Hashed' : 'Sorted', Command: setOp[2] };
  if (MODIFY_OPERATIONS.includes(rest)) return { 'Node Type': 'ModifyTable', Operation: rest };
  const custom = /^Custom Scan \((.+)\)$/.exec(rest);
  if (custom?.[1]) return { 'Node Type': 'Custom Scan', 'Custom Plan Provider': custom[1] };
  return { 'Node Type': rest };
}

/** The JSON properties a text title stands for ("Partial HashAggregate" → Aggregate, Hashed, Partial). */
export function partsOfTitle(title: string): TitleParts {
  let rest = title.trim();
  const flags: { 'Async Capable'?: boolean; 'Parallel Aware'?: boolean } = {};
  for (const [word, key] of [
    ['Async ', 'Async Capable'],
    ['Parallel ', 'Parallel Aware'],
  ] as const) {
    if (rest.startsWith(word)) {
      flags[key] = true;
      rest = rest.slice(word.length);
    }
  }
  return { ...(aggregateParts(rest) ?? joinParts(rest) ?? otherParts(rest)), ...flags };
}
