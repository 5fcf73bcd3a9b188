import type { Diagnostic } from '../diagnostics/diagnostic.js';

/**
 * A finding of static mode: data.mode says so (and that nothing was observed), and where a
 * prediction had to assume what only the catalog knows, the why says what was assumed.
 */
export function markStatic(diagnostic: Diagnostic, assumptions: readonly string[]): Diagnostic {
  const data = {
    ...diagnostic.data,
    mode: 'static',
    ...(diagnostic.data?.observed !== undefined && { observed: false }),
  };
  if (assumptions.length === 0) return { ...diagnostic, data };
  const note = `Static mode assumes ${assumptions.join('; ')}: run without --static to judge against the catalog.`;
  return { ...diagnostic, why: diagnostic.why ? `${diagnostic.why} ${note}` : note, data };
}
