/**
 * The pg_stats columns pgvigil exports and restores, with the SQL type pg_restore_attribute_stats
 * takes each as. anyarray statistics travel as text: only the column's own type can read them.
 */
export const ATTRIBUTE_STATS = {
  null_frac: 'real',
  avg_width: 'integer',
  n_distinct: 'real',
  most_common_vals: 'text',
  most_common_freqs: 'real[]',
  histogram_bounds: 'text',
  correlation: 'real',
  most_common_elems: 'text',
  most_common_elem_freqs: 'real[]',
  elem_count_histogram: 'real[]',
  range_length_histogram: 'text',
  range_empty_frac: 'real',
  range_bounds_histogram: 'text',
} as const;

export type AttributeStat = keyof typeof ATTRIBUTE_STATS;

export const ATTRIBUTE_STAT_NAMES = Object.keys(ATTRIBUTE_STATS) as AttributeStat[];

/** How to read one statistic in SQL so that JSON holds it as the file documents (numbers, arrays, text). */
export function exportExpression(stat: AttributeStat): string {
  const type = ATTRIBUTE_STATS[stat];
  if (type === 'text') return `${stat}::text`;
  if (type === 'real[]') return `pg_catalog.array_to_json(${stat})::text`;
  return `${stat}::float8`;
}

/** The value read by exportExpression as it goes into the file; undefined for a missing statistic. */
export function fileValue(stat: AttributeStat, value: unknown): string | number | number[] | undefined {
  if (value === null || value === undefined) return undefined;
  const type = ATTRIBUTE_STATS[stat];
  if (type === 'text') return String(value);
  if (type === 'real[]') return JSON.parse(String(value)) as number[];
  return Number(value);
}

/** A file value as the parameter of pg_restore_attribute_stats ('{0.5,0.25}' for a real[]). */
export function restoreParameter(stat: AttributeStat, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  return ATTRIBUTE_STATS[stat] === 'text' ? value : Number(value);
}
