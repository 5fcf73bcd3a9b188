import { splitOutside } from './identifiers.js';

type Raw = Record<string, unknown>;

/** Detail lines whose value is a comma-separated list in text and an array in JSON. */
const LIST_KEYS = new Set(['Output', 'Sort Key', 'Group Key', 'Presorted Key', 'Hash Key', 'Grouping Sets']);
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const KB = /^(\d+(?:\.\d+)?)kB$/;

function scalar(value: string): string | number {
  return NUMBER.test(value) ? Number(value) : value;
}

/** "shared hit=190 read=3, local hit=1, temp read=5 written=6" → the JSON block counters. */
function buffers(value: string): Raw {
  const out: Raw = {};
  for (const group of value.split(',')) {
    const [scope, ...pairs] = group.trim().split(/\s+/);
    if (!scope) continue;
    const prefix = scope.charAt(0).toUpperCase() + scope.slice(1);
    for (const pair of pairs) {
      const [what, count] = pair.split('=');
      if (what && count !== undefined && NUMBER.test(count))
        out[`${prefix} ${what.charAt(0).toUpperCase()}${what.slice(1)} Blocks`] = Number(count);
    }
  }
  return out;
}

/** "exact=187 lossy=3", "records=1 fpi=0 bytes=59": key=value pairs, named through `names`. */
function pairs(value: string, names: Readonly<Record<string, string>>): Raw {
  const out: Raw = {};
  for (const [, key, count] of value.matchAll(/(\w+)=([\d.]+)/g))
    if (key && names[key]) out[names[key]] = Number(count);
  return out;
}

/**
 * "Buckets: 1024 (originally 512)  Batches: 1  Memory Usage: 9kB" and similar lines that print
 * several properties: each "Name: value" becomes the JSON property `names` maps it to.
 */
function multi(line: string, names: Readonly<Record<string, readonly string[]>>): Raw {
  const out: Raw = {};
  for (const [, name, figure, original] of line.matchAll(
    /([A-Za-z][A-Za-z -]*?): (.+?)(?: \(originally (\d+)\))?(?=\s{2,}|$)/g,
  )) {
    const keys = names[(name ?? '').trim()];
    if (!keys || figure === undefined) continue;
    const kb = KB.exec(figure);
    const number = kb ? Number(kb[1]) : scalar(figure);
    const [key, originalKey] = keys;
    if (key) out[key] = number;
    if (originalKey) out[originalKey] = original === undefined ? number : Number(original);
  }
  return out;
}

const HASH = {
  Buckets: ['Hash Buckets', 'Original Hash Buckets'],
  Batches: ['Hash Batches', 'Original Hash Batches'],
  'Memory Usage': ['Peak Memory Usage'],
} as const;
const HASH_AGG = {
  Batches: ['HashAgg Batches'],
  'Memory Usage': ['Peak Memory Usage'],
  'Disk Usage': ['Disk Usage'],
} as const;
const SORT = {
  'Sort Method': ['Sort Method'],
  Memory: ['Sort Space Used'],
  Disk: ['Sort Space Used'],
} as const;
const MEMOIZE = {
  Hits: ['Cache Hits'],
  Misses: ['Cache Misses'],
  Evictions: ['Cache Evictions'],
  Overflows: ['Cache Overflows'],
  'Memory Usage': ['Peak Memory Usage'],
} as const;

function sortMethod(line: string): Raw {
  const out = multi(line, SORT);
  const space = /\s{2,}(Memory|Disk): /.exec(line);
  if (space) out['Sort Space Type'] = space[1];
  return out;
}

/**
 * One "Key: value" line under a node, as the JSON properties it stands for. `nodeType` decides
 * lines that mean different things on different nodes (Batches on Hash and on HashAggregate).
 */
export function detailProperties(key: string, value: string, nodeType: string): Raw {
  const line = `${key}: ${value}`;
  switch (key) {
    case 'Buffers':
      return buffers(value);
    case 'Heap Blocks':
      return {
        'Exact Heap Blocks': 0,
        'Lossy Heap Blocks': 0,
        ...pairs(value, { exact: 'Exact Heap Blocks', lossy: 'Lossy Heap Blocks' }),
      };
    case 'WAL':
      return pairs(value, { records: 'WAL Records', fpi: 'WAL FPI', bytes: 'WAL Bytes' });
    case 'Sort Method':
      return sortMethod(line);
    case 'Buckets':
      return multi(line, HASH);
    case 'Batches':
      return multi(line, nodeType === 'Hash' ? HASH : HASH_AGG);
    case 'Hits':
      return multi(line, MEMOIZE);
    default:
      if (LIST_KEYS.has(key)) return { [key]: splitOutside(value, ', ').map((item) => item.trim()) };
      return { [key]: scalar(value.replace(/ ms$/, '')) };
  }
}
