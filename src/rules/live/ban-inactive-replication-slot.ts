import { bytes } from '../../live/format.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';

export const banInactiveReplicationSlot: LiveRule = {
  meta: {
    id: 'ban-inactive-replication-slot',
    group: 'live',
    category: 'correctness',
    defaultSeverity: 'warning',
    summary: 'A replication slot has no consumer and keeps WAL on disk: left alone it fills the disk.',
    thresholds: {
      errorBytes: { default: 10_737_418_240, description: 'retained WAL, in bytes, that makes an error' },
    },
  },
  scope: 'server',
  check(ctx) {
    return ctx.facts.inactiveSlots.map(
      (slot): Finding => ({
        ...((slot.retainedBytes ?? 0) >= threshold(ctx, 'errorBytes') && { severity: 'error' }),
        message: `Replication slot ${slot.name} (${slot.kind}${slot.database ? `, database ${slot.database}` : ''}) is inactive${slot.retainedBytes === null ? '' : ` and holds ${bytes(slot.retainedBytes)} of WAL`}.`,
        why: 'The server keeps every WAL segment the slot has not confirmed, however long its consumer is gone: the WAL volume grows until the disk is full and the server stops; a logical slot also holds back VACUUM of the catalogs.',
        help: 'Reconnect its consumer (replica, CDC tool) or, if it is gone for good, drop the slot; set max_slot_wal_keep_size so a forgotten slot cannot fill the disk.',
        suggestedSql: `SELECT pg_drop_replication_slot('${slot.name.replaceAll("'", "''")}');`,
        file: ctx.facts.target,
        data: {
          slot: slot.name,
          kind: slot.kind,
          database: slot.database,
          retainedBytes: slot.retainedBytes,
        },
      }),
    );
  },
};
