import type { QueryEvent } from './query-event.js';
import { DISTINCT_CAP, type Repeat, type RepeatedQuery } from './repeat.js';
import type { StatementFacts } from './statement-facts.js';

interface Seen {
  readonly event: QueryEvent;
  readonly facts: StatementFacts;
}

interface Run {
  readonly period: number;
  readonly block: readonly Seen[];
  readonly parent?: Seen;
  /** Executions in the run so far (block.length × repetitions, plus a partial block). */
  executions: number;
  totalMs: number;
  timed: boolean;
  readonly keys: Set<string>;
}

const MAX_PERIOD = 3;
// The block repeated twice, and the query before it.
const HISTORY = 2 * MAX_PERIOD + 1;

// The text and the parameters: texts with inlined values differ in the text itself.
function parameterKey(event: QueryEvent): string {
  return event.parameters ? `${event.sql}\u0000${event.parameters.join('\u0000')}` : event.sql;
}

/**
 * The repeats of one unit, found as its queries arrive: memory is a few queries per unit, so a log
 * of any size streams through. A block of 1 to 3 queries seen twice in a row opens a run; the run
 * ends at the first query that breaks the pattern.
 */
export class UnitTracker {
  private history: Seen[] = [];
  private run: Run | undefined;

  constructor(
    readonly label: string,
    private readonly emit: (repeat: Repeat) => void,
  ) {}

  add(event: QueryEvent, facts: StatementFacts): void {
    const seen = { event, facts };
    if (this.run && this.extends(seen)) return;
    this.finish();
    this.history.push(seen);
    if (this.history.length > HISTORY) this.history.shift();
    this.open();
  }

  /** The unit ended (transaction end, end of input): report what it holds. */
  finish(): void {
    const run = this.run;
    this.run = undefined;
    if (!run) return;
    const count = Math.floor(run.executions / run.period);
    const block: RepeatedQuery[] = run.block.map(({ event, facts }) => ({
      sql: event.sql,
      fingerprint: facts.fingerprint,
      origin: event.origin,
      isRead: facts.isRead,
      isBatched: facts.isBatched,
      isPaged: facts.isPaged,
    }));
    this.emit({
      unit: this.label,
      ...(run.parent && { parent: { sql: run.parent.event.sql, origin: run.parent.event.origin } }),
      block,
      count,
      distinctParameters: run.keys.size,
      ...(run.timed && { totalMs: run.totalMs }),
    });
  }

  private extends(seen: Seen): boolean {
    const run = this.run;
    if (!run) return false;
    const expected = run.block[run.executions % run.period];
    if (expected?.facts.fingerprint !== seen.facts.fingerprint) return false;
    this.count(run, seen);
    return true;
  }

  private count(run: Run, { event }: Seen): void {
    if (run.executions % run.period === 0 && run.keys.size < DISTINCT_CAP) run.keys.add(parameterKey(event));
    run.executions++;
    if (event.durationMs !== undefined) {
      run.totalMs += event.durationMs;
      run.timed = true;
    }
  }

  private open(): void {
    const fps = this.history.map((seen) => seen.facts.fingerprint);
    for (let period = 1; period <= MAX_PERIOD; period++) {
      if (fps.length < 2 * period) return;
      const tail = fps.slice(-2 * period);
      const block = tail.slice(period);
      if (!block.every((fp, i) => fp === tail[i])) continue;
      // A block of one query repeated is period 1; longer periods need different queries in them.
      if (period > 1 && new Set(block).size < period) continue;
      const start = this.history.length - 2 * period;
      const parent = this.history[start - 1];
      const run: Run = {
        period,
        // The first occurrence: findings point at where the repetition began.
        block: this.history.slice(start, start + period),
        ...(parent && !block.includes(parent.facts.fingerprint) && { parent }),
        executions: 0,
        totalMs: 0,
        timed: false,
        keys: new Set(),
      };
      for (const seen of this.history.slice(start)) this.count(run, seen);
      this.run = run;
      this.history = [];
      return;
    }
  }
}
