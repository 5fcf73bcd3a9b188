import type { CatalogChange } from '../catalog/diff/catalog-change.js';

// Long or multi-line values (view and function bodies) stay in the diagnostic's data, out of the sentence.
const MAX_INLINE = 120;

function inline(value: string | undefined): string | undefined {
  if (value === undefined) return 'none';
  return value.length <= MAX_INLINE && !value.includes('\n') ? value : undefined;
}

/**
 * One difference between the schema before the up step and after the down step, said as what
 * the down step failed to do: "down leaves index public.idx_posts_view_count behind",
 * "column public.posts.title is text after down, was character varying(500)".
 */
export function describeAfterDown(change: CatalogChange): string {
  if (change.change === 'added') return `down leaves ${change.label} behind`;
  if (change.change === 'removed') {
    const was = change.before === undefined ? undefined : inline(change.before);
    return `down does not bring back ${change.label}${was ? ` (${was})` : ''}`;
  }
  const [before, after] = [inline(change.before), inline(change.after)];
  if (change.property === undefined || before === undefined || after === undefined)
    return `after down, ${change.description}`;
  if (change.property === 'type') return `${change.label} is ${after} after down, was ${before}`;
  return `${change.property} of ${change.label} is ${after} after down, was ${before}`;
}

/** A difference between the schema after the first up step and after down and up again. */
export function describeAfterRedo(change: CatalogChange): string {
  return `up run again after down gives another schema than the first time: ${change.description}`;
}
