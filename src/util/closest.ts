/** Levenshtein distance; small inputs only (ids, config keys), so the O(n·m) table is fine. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * The candidate nearest to `word` for a "did you mean" hint, or undefined when none is close enough.
 * The default limit scales with the word so short typos match but unrelated ids do not.
 * A word of three or more letters that starts a candidate ("warn", "require-fk") counts as distance 1.
 */
export function closest(
  word: string,
  candidates: Iterable<string>,
  maxDistance: number = Math.max(2, Math.floor(word.length / 3)),
): string | undefined {
  const needle = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    const edits = editDistance(needle, lower);
    const distance = needle.length >= 3 && lower.startsWith(needle) ? Math.min(edits, 1) : edits;
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}
