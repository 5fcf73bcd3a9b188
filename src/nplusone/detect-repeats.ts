import type { QueryEvent } from './query-event.js';
import type { Repeat } from './repeat.js';
import { statementFacts } from './statement-facts.js';
import { UnitTracker } from './unit-tracker.js';

interface Unit {
  tracker: UnitTracker;
  transactions: number;
  lastSeen: number;
}

// A session silent for this many events has ended (or is idle between requests, which ends a
// loop too): it is judged and forgotten, so memory follows open sessions, not the log's length.
const IDLE_EVENTS = 50_000;

/**
 * Every repeat in a stream of query events (call `await initSql()` first). Events of one unit must
 * come in execution order; units may interleave. An explicit transaction is a unit of its own.
 */
export async function detectRepeats(
  events: AsyncIterable<QueryEvent> | Iterable<QueryEvent>,
  minRepeats: number,
): Promise<Repeat[]> {
  const found: Repeat[] = [];
  const emit = (repeat: Repeat): void => {
    if (repeat.count >= minRepeats) found.push(repeat);
  };
  const units = new Map<string, Unit>();
  let seen = 0;
  for await (const event of events) {
    seen++;
    if (seen % IDLE_EVENTS === 0) forgetIdle(units, seen - IDLE_EVENTS);
    let unit = units.get(event.unit);
    if (!unit) {
      unit = { tracker: new UnitTracker(event.unit, emit), transactions: 0, lastSeen: seen };
      units.set(event.unit, unit);
    }
    unit.lastSeen = seen;
    const transaction = statementFacts(event.sql)?.transaction;
    if (transaction) {
      unit.tracker.finish();
      if (transaction === 'begin') unit.transactions++;
      const label = transaction === 'begin' ? `${event.unit}, transaction ${unit.transactions}` : event.unit;
      unit.tracker = new UnitTracker(label, emit);
      continue;
    }
    unit.tracker.add(event);
  }
  for (const unit of units.values()) unit.tracker.finish();
  return found;
}

function forgetIdle(units: Map<string, Unit>, before: number): void {
  for (const [key, unit] of units) {
    if (unit.lastSeen >= before) continue;
    unit.tracker.finish();
    units.delete(key);
  }
}
