import type { CatalogSnapshot, Index } from '../../catalog/model.js';
import { bytes, duration } from '../../live/format.js';
import type { LiveFacts } from '../../live/live-facts.js';
import { indexCoversColumns, ownForeignKeys } from '../schema/fk-coverage.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';

/** Why an index with no scans is still needed, or undefined when nothing needs it. */
function exemption(catalog: CatalogSnapshot, index: Index): string | undefined {
  if (index.primary) return 'it is the primary key';
  if (index.unique) return 'it enforces uniqueness';
  if (index.constraint !== undefined) return `it backs the constraint ${index.constraint}`;
  const fk = ownForeignKeys(catalog).find(
    (c) => c.table.qualified === index.table.qualified && indexCoversColumns(index, c.columns),
  );
  // Deleting or updating a parent row looks the children up through it, and that is not an idx_scan
  // the application sees, so rare parent deletes make it look unused.
  return fk
    ? `it covers the foreign key ${fk.name} (deletes and key updates on the parent need it)`
    : undefined;
}

function statsAge(facts: LiveFacts): string {
  const age = facts.database.statsAgeSeconds;
  return age === null
    ? 'since the statistics began (never reset)'
    : `since the statistics were reset ${duration(age)} ago`;
}

/** Scans per index summed over every server of the group; an index missing on one counts as unknown. */
function scansAcross(group: readonly LiveFacts[], index: string): number | undefined {
  let total = 0;
  for (const member of group) {
    const usage = member.indexUsage.find((u) => u.index === index);
    if (!usage) return undefined;
    total += usage.scans;
  }
  return total;
}

export const banUnusedIndex: LiveRule = {
  meta: {
    id: 'ban-unused-index',
    group: 'live',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'An index no query has used since the statistics were reset (on any of the servers given): it slows every write and takes space.',
    thresholds: {
      minSizeBytes: { default: 1_048_576, description: 'smallest index size, in bytes, worth reporting' },
      minStatsAgeDays: {
        default: 7,
        description: 'statistics younger than this many days make the finding info only',
      },
    },
  },
  scope: 'database',
  check(ctx) {
    const { facts, group } = ctx;
    const servers = group.map((member) => member.target);
    const age = facts.database.statsAgeSeconds;
    const young = age !== null && age < threshold(ctx, 'minStatsAgeDays') * 86_400;
    return facts.catalog.indexes.flatMap((index): Finding[] => {
      if (!index.valid || index.parentIndex) return [];
      const scans = scansAcross(group, index.qualified);
      if (scans !== 0 || index.sizeBytes < threshold(ctx, 'minSizeBytes')) return [];
      if (exemption(facts.catalog, index) !== undefined) return [];
      const where = group.length > 1 ? ` on any of ${servers.join(', ')}` : '';
      return [
        {
          ...(young && { severity: 'info' }),
          message: `Index ${index.qualified} on ${index.table.qualified} (${bytes(index.sizeBytes)}) has not been scanned ${statsAge(facts)}${where}.`,
          why: `Every INSERT, and every UPDATE that is not HOT, writes to it, it takes ${bytes(index.sizeBytes)} of disk and cache, and VACUUM must scan it.${young ? ' The statistics are young: a weekly or monthly job may still need it.' : ''}`,
          help: 'Check that no rare job (a report, a month-end run) and no replica you did not name uses it, then drop it without blocking writes. Unique, primary key and foreign-key-covering indexes are never reported.',
          suggestedSql: `DROP INDEX CONCURRENTLY ${index.qualified};`,
          file: facts.target,
          data: {
            index: index.qualified,
            table: index.table.qualified,
            sizeBytes: index.sizeBytes,
            scans,
            statsAgeSeconds: age,
            servers,
          },
        },
      ];
    });
  },
};
