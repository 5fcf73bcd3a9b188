import type { CatalogSnapshot, Sequence } from '../../catalog/model.js';
import { count } from '../../live/format.js';
import { lookup } from '../schema/catalog-lookup.js';
import { headroom, SMALL_INTEGER_MAX } from '../schema/key-headroom.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';

const BIGINT_MAX = 9_223_372_036_854_775_807n;

/** The largest value the column the sequence feeds can hold; the sequence's own type when it feeds none. */
function typeMax(
  catalog: CatalogSnapshot,
  sequence: Sequence,
): { readonly max: bigint; readonly type: string } {
  const owner = sequence.ownedBy;
  const column = owner
    ? lookup(catalog)
        .table(owner.table)
        ?.columns.find((c) => c.name === owner.column)
    : undefined;
  const type = column?.type ?? sequence.dataType;
  return { max: SMALL_INTEGER_MAX[type] ?? BIGINT_MAX, type };
}

export const banSequenceExhaustion: LiveRule = {
  meta: {
    id: 'ban-sequence-exhaustion',
    group: 'live',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary:
      'A sequence has used most of its range (the smaller of its MAXVALUE and its column type’s maximum): inserts fail when it runs out.',
    thresholds: {
      warnPercent: { default: 75, description: 'percent of the range used that makes a warning' },
      errorPercent: { default: 90, description: 'percent of the range used that makes an error' },
    },
  },
  scope: 'database',
  check(ctx) {
    const { catalog } = ctx.facts;
    const warn = threshold(ctx, 'warnPercent');
    const error = threshold(ctx, 'errorPercent');
    return catalog.sequences.flatMap((sequence): Finding[] => {
      // Descending and cycling sequences do not fail at the top of the range.
      if (sequence.lastValue === null || sequence.cycle || BigInt(sequence.increment) < 0n) return [];
      const column = typeMax(catalog, sequence);
      const room = headroom(column.max, sequence);
      const used = Math.round((100 - room.percentLeft) * 10) / 10;
      if (used < warn) return [];
      const feeds = sequence.ownedBy
        ? `${sequence.ownedBy.table.qualified}.${sequence.ownedBy.column} (${column.type})`
        : undefined;
      const limitSource =
        BigInt(sequence.max) < column.max
          ? 'its MAXVALUE'
          : `the largest ${column.type}${sequence.ownedBy ? ', the type of the column it feeds' : ''}`;
      return [
        {
          severity: used >= error ? 'error' : 'warning',
          message: `Sequence ${sequence.qualified} has used ${used}% of its range: ${count(room.used)} of ${count(room.limit)} (the limit is ${limitSource}).`,
          why: `When it reaches ${count(room.limit)} every INSERT that needs a value fails ("nextval: reached maximum value" or "integer out of range"), and the fix is then an emergency.`,
          help: feeds
            ? `Move ${feeds} to bigint (and ALTER SEQUENCE ... AS bigint) while there is time: see prefer-bigint-key for the online recipe.`
            : `Raise its MAXVALUE, or move it to bigint: ALTER SEQUENCE ${sequence.qualified} AS bigint MAXVALUE ${BIGINT_MAX};`,
          ...(feeds === undefined && {
            suggestedSql: `ALTER SEQUENCE ${sequence.qualified} AS bigint MAXVALUE ${BIGINT_MAX};`,
          }),
          file: ctx.facts.target,
          data: {
            sequence: sequence.qualified,
            lastValue: sequence.lastValue,
            limit: room.limit.toString(),
            percentUsed: used,
            ...(sequence.ownedBy && { column: feeds }),
          },
        },
      ];
    });
  },
};
