import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { WHEN_TO_PREFER, writeBatchFix } from '../nplusone/write-fix.js';
import { nPlusOne } from '../rules/n-plus-one/n-plus-one.js';
import { stampFinding } from '../rules/stamp-finding.js';
import type { CallsFollowRows } from './calls-follow-rows.js';
import { totalMs } from './stat-entry.js';

const flat = (sql: string): string => sql.replace(/\s+/g, ' ').trim();

function quoted(sql: string): string {
  const text = flat(sql);
  return `\`${text.length > 120 ? `${text.slice(0, 117)}...` : text}\``;
}

/** The batch (and JOIN) forms; a lookup of referenced rows takes the parent's foreign key values. */
function fixOf(signal: CallsFollowRows): string | undefined {
  const { link } = signal;
  if (link.direction === 'children') {
    const fix = writeBatchFix(signal.parent.query, signal.child.query);
    return (
      fix &&
      [fix.batchSql, fix.joinSql].filter((s) => s !== undefined).join('\n\n-- or, in one round trip:\n')
    );
  }
  const fix = writeBatchFix(undefined, signal.child.query);
  return fix?.batchSql.replace(
    /^-- .*\n/,
    `-- $1: the array of ${link.parentTable.name}.${link.parentColumn} values the first query returned\n`,
  );
}

/**
 * A possible N+1 read from pg_stat_statements' counts, as an info n-plus-one finding: the view
 * has no sessions, so it names both queries and asks for confirmation in a log or trace.
 */
export function nPlusOneFinding(signal: CallsFollowRows, setting: RuleSettings | undefined): Diagnostic {
  const { parent, child, link } = signal;
  const perCall = parent.rows / Math.max(parent.calls, 1);
  const suggestedSql = fixOf(signal);
  return stampFinding(nPlusOne, setting, {
    severity: 'info',
    message: `Possibly an N+1: ${quoted(child.query)} ran ${child.calls} times (about one row each), as many as the ${parent.rows} rows ${quoted(parent.query)} returned in ${parent.calls} ${parent.calls === 1 ? 'call' : 'calls'}.`,
    why: `The lookup's calls follow the other query's rows (${perCall.toFixed(0)} per call) and ${link.description}: one round trip per row, ${Math.round(totalMs(child))} ms in all. pg_stat_statements keeps no sessions, so this is a possibility: confirm it in a log or trace (pgvigil n1).`,
    help: `Load the rows for every row of ${link.parentTable.name} at once (suggested SQL). ${WHEN_TO_PREFER}`,
    ...(suggestedSql && { suggestedSql }),
    data: {
      source: 'pg_stat_statements',
      heuristic: 'calls-follow-rows',
      parentQuery: flat(parent.query),
      repeatedQueries: [flat(child.query)],
      parent: { queryid: parent.queryid, calls: parent.calls, rows: parent.rows },
      child: { queryid: child.queryid, calls: child.calls, rows: child.rows, totalMs: totalMs(child) },
      count: child.calls,
      link: link.description,
    },
  });
}
