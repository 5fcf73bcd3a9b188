import { partsOfTitle } from '../titles.js';
import { splitOutside, unquote } from './identifiers.js';

type Raw = Record<string, unknown>;

/** Which JSON property holds the name after "on" in a title, by node type; relations otherwise. */
const TARGET_KEYS: Readonly<Record<string, string>> = {
  'Function Scan': 'Function Name',
  'CTE Scan': 'CTE Name',
  'WorkTable Scan': 'CTE Name',
  'Named Tuplestore Scan': 'Tuplestore Name',
  'Table Function Scan': 'Table Function Name',
  'Bitmap Index Scan': 'Index Name',
};
/** Nodes whose "on x" names only an alias. */
const ALIAS_ONLY = new Set(['Subquery Scan', 'Values Scan', 'Result']);

const FIGURES =
  /\((?:cost=(?<sc>[\d.]+)\.\.(?<tc>[\d.]+) rows=(?<rows>\d+) width=(?<width>\d+))\)|\((?:actual(?: time=(?<as>[\d.]+)\.\.(?<at>[\d.]+))? rows=(?<ar>[\d.]+) loops=(?<loops>\d+)|(?<never>never executed))\)/g;

function figures(text: string): { readonly head: string; readonly raw: Raw } {
  const raw: Raw = {};
  let head = text;
  const first = text.search(/\((?:cost=|actual |never executed\))/);
  if (first >= 0) head = text.slice(0, first);
  for (const match of text.slice(Math.max(first, 0)).matchAll(FIGURES)) {
    const g = match.groups ?? {};
    if (g.sc !== undefined) {
      Object.assign(raw, {
        'Startup Cost': Number(g.sc),
        'Total Cost': Number(g.tc),
        'Plan Rows': Number(g.rows),
        'Plan Width': Number(g.width),
      });
    } else if (g.never !== undefined) {
      Object.assign(raw, { 'Actual Rows': 0, 'Actual Loops': 0 });
    } else if (g.ar !== undefined) {
      if (g.as !== undefined)
        Object.assign(raw, { 'Actual Startup Time': Number(g.as), 'Actual Total Time': Number(g.at) });
      Object.assign(raw, { 'Actual Rows': Number(g.ar), 'Actual Loops': Number(g.loops) });
    }
  }
  return { head: head.trim(), raw };
}

/** "[schema.]name [alias]" after "on", into the JSON properties of the node type. */
function target(nodeType: string, text: string): Raw {
  const [qualified = '', alias] = splitOutside(text.trim(), ' ').filter(Boolean);
  const parts = splitOutside(qualified, '.').map(unquote);
  const name = parts.at(-1) ?? '';
  const schema = parts.length > 1 ? parts.slice(0, -1).join('.') : undefined;
  if (ALIAS_ONLY.has(nodeType)) return { Alias: unquote(alias ?? qualified) };
  const key = TARGET_KEYS[nodeType] ?? 'Relation Name';
  const named: Raw = { [key]: name };
  if (key === 'Index Name') return named;
  if (schema !== undefined) named.Schema = schema;
  named.Alias = alias === undefined ? name : unquote(alias);
  return named;
}

/**
 * A node's title line, without "->", into EXPLAIN JSON properties: "Index Scan Backward using
 * t_pkey on public.t x  (cost=0.29..8.31 rows=1 width=8) (actual time=0.01..0.02 rows=1 loops=1)".
 */
export function parseNodeHeader(text: string): Raw {
  const { head, raw } = figures(text);
  const using = /^(.*?) using (\S+) on (.+)$/.exec(head);
  const on = using ? undefined : /^(.*?) on (.+)$/.exec(head);
  let title = using?.[1] ?? on?.[1] ?? head;
  const backward = / Backward$/.test(title);
  if (backward) title = title.replace(/ Backward$/, '');
  const parts = partsOfTitle(title);
  const nodeType = parts['Node Type'];
  const named = using
    ? { 'Index Name': unquote(using[2] ?? ''), ...target(nodeType, using[3] ?? '') }
    : on
      ? target(nodeType, on[2] ?? '')
      : {};
  const direction = /Index/.test(nodeType) && nodeType !== 'Bitmap Index Scan';
  return {
    ...parts,
    'Parallel Aware': parts['Parallel Aware'] ?? false,
    'Async Capable': parts['Async Capable'] ?? false,
    ...(direction ? { 'Scan Direction': backward ? 'Backward' : 'Forward' } : {}),
    ...named,
    ...raw,
  };
}
