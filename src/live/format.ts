export { bytes } from '../advisor/suggestion-diagnostic.js';
export { percent } from '../rules/plan/node-facts.js';

/** A length of time as people say it: 45 s, 12 min, 3.5 h, 9 days. */
export function duration(seconds: number): string {
  if (seconds < 120) return `${Math.round(seconds)} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  if (seconds < 172_800) return `${(seconds / 3600).toFixed(1)} h`;
  return `${Math.round(seconds / 86_400)} days`;
}

/** A count with thousands separators. */
export function count(value: number | bigint): string {
  return value.toLocaleString('en-US');
}
