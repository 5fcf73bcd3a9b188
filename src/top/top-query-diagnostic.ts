import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import { ms, percent } from '../rules/plan/node-facts.js';
import { topQuery } from '../rules/top/top-query.js';
import type { RankedStatement, SortKey } from './rank.js';

const SORTED: Readonly<Record<SortKey, string>> = {
  total: 'total time',
  mean: 'mean time',
  calls: 'calls',
  rows: 'rows',
  reads: 'shared blocks read',
};

export function oneLine(sql: string, width = 100): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}

/** A ranked statement as a top-query finding: the figures in words, and all of them in data. */
export function topQueryDiagnostic(ranked: RankedStatement, sort: SortKey, window: string): Diagnostic {
  const { entry } = ranked;
  return {
    rule: topQuery.id,
    category: topQuery.category,
    severity: topQuery.defaultSeverity,
    message: `#${ranked.rank} by ${SORTED[sort]} ${window}: ${oneLine(entry.query)}`,
    why: `${ms(ranked.totalMs)} in all (${percent(ranked.share)} of the time of the statements ranked), ${entry.calls} ${entry.calls === 1 ? 'call' : 'calls'}, mean ${ms(ranked.meanMs)}, ${ranked.rowsPerCall.toFixed(1)} rows per call, ${entry.sharedBlksRead} shared blocks read.`,
    data: {
      rank: ranked.rank,
      queryid: entry.queryid,
      userid: entry.userid,
      query: entry.query,
      calls: entry.calls,
      totalMs: ranked.totalMs,
      planMs: entry.planMs,
      execMs: entry.execMs,
      meanMs: ranked.meanMs,
      rows: entry.rows,
      rowsPerCall: ranked.rowsPerCall,
      sharedBlksRead: entry.sharedBlksRead,
      share: ranked.share,
      sort,
    },
    docsUrl: docsUrl(topQuery.id),
  };
}
