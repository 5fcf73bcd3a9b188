import type { QueryEvent } from './query-event.js';
import type { Repeat } from './repeat.js';
import { statementFacts } from './statement-facts.js';
import { UnitTracker } from './unit-tracker.js';

interface Unit {
  tracker: UnitTracker;
  transactions: number;
}

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
  for await (const event of events) {
    let unit = units.get(event.unit);
    if (!unit) {
      unit = { tracker: new UnitTracker(event.unit, emit), transactions: 0 };
      units.set(event.unit, unit);
    }
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
