import type { QueryEvent } from './query-event.js';
import type { Repeat } from './repeat.js';
import { statementFacts } from './statement-facts.js';
import { UnitTracker } from './unit-tracker.js';

interface Unit {
  tracker: UnitTracker;
  transactions: number;
  lastSeen: number;
  /** When its last query was logged, for the idle gap. */
  lastAt?: number;
}

export interface ScanOptions {
  /** A pause longer than this (ms) between two logged queries of one unit ends the unit. */
  readonly idleGapMs?: number;
}

/** The pause before an event: from the last query's log line to this one's start. */
function pauseBefore(unit: Unit, event: QueryEvent): number {
  if (unit.lastAt === undefined || event.loggedAt === undefined) return 0;
  return event.loggedAt - (event.durationMs ?? 0) - unit.lastAt;
}

/** Events as a reader hands them over: a batch at a time, so no await is paid per query. */
export type EventBatches = AsyncIterable<Iterable<QueryEvent>> | Iterable<Iterable<QueryEvent>>;

// A session silent for this many events has ended (or is idle between requests, which ends a
// loop too): it is judged and forgotten, so memory follows open sessions, not the log's length.
const IDLE_EVENTS = 50_000;

/**
 * Hands every repeat of at least `minRepeats` to `emit` as soon as it ends (call `await initSql()`
 * first). Events of one unit must come in execution order; units may interleave. An explicit
 * transaction is a unit of its own.
 */
export async function scanRepeats(
  batches: EventBatches,
  minRepeats: number,
  emit: (repeat: Repeat) => void,
  options: ScanOptions = {},
): Promise<void> {
  const idleGap = options.idleGapMs ?? Number.POSITIVE_INFINITY;
  const judged = (repeat: Repeat): void => {
    if (repeat.count >= minRepeats) emit(repeat);
  };
  // What the unit holds is judged; what follows is counted afresh, under this label.
  const startOver = (unit: Unit, label: string): void => {
    unit.tracker.finish();
    unit.tracker = new UnitTracker(label, judged);
  };
  const units = new Map<string, Unit>();
  let seen = 0;
  for await (const batch of batches)
    for (const event of batch) {
      seen++;
      if (seen % IDLE_EVENTS === 0) forgetIdle(units, seen - IDLE_EVENTS);
      const facts = statementFacts(event.sql);
      if (!facts) continue;
      let unit = units.get(event.unit);
      if (!unit) {
        unit = { tracker: new UnitTracker(event.unit, judged), transactions: 0, lastSeen: seen };
        units.set(event.unit, unit);
      }
      unit.lastSeen = seen;
      // A pooled connection idle between two requests: what follows is not the same loop.
      if (pauseBefore(unit, event) > idleGap) startOver(unit, unit.tracker.label);
      if (event.loggedAt !== undefined) unit.lastAt = event.loggedAt;
      const transaction = facts.transaction;
      if (transaction) {
        if (transaction === 'begin') unit.transactions++;
        startOver(
          unit,
          transaction === 'begin' ? `${event.unit}, transaction ${unit.transactions}` : event.unit,
        );
        continue;
      }
      unit.tracker.add(event, facts);
    }
  for (const unit of units.values()) unit.tracker.finish();
}

/** Every repeat among some events, in the order they ended. */
export async function detectRepeats(events: Iterable<QueryEvent>, minRepeats: number): Promise<Repeat[]> {
  const found: Repeat[] = [];
  await scanRepeats([events], minRepeats, (repeat) => found.push(repeat));
  return found;
}

function forgetIdle(units: Map<string, Unit>, before: number): void {
  for (const [key, unit] of units) {
    if (unit.lastSeen >= before) continue;
    unit.tracker.finish();
    units.delete(key);
  }
}
