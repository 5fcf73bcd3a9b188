/** One collected view of the databases, and when it was taken. */
export interface Snapshot<T> {
  readonly value: T;
  readonly takenAt: Date;
}

/**
 * Collects at most once per interval, however many browsers poll: the dashboard must not add load
 * to the databases it watches. Requests during a collection share it; a failed collection is
 * remembered until the next attempt, so the page can say what went wrong.
 */
export class SnapshotCache<T> {
  private last: Snapshot<T> | undefined;
  private lastError: Error | undefined;
  private inFlight: Promise<void> | undefined;
  private lastAttempt: number | undefined;

  constructor(
    private readonly collect: () => Promise<T>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The latest snapshot, refreshed first when it is older than the interval. */
  async current(): Promise<{ readonly snapshot?: Snapshot<T>; readonly error?: Error }> {
    if (this.lastAttempt === undefined || this.now() - this.lastAttempt >= this.intervalMs) {
      this.lastAttempt = this.now();
      this.inFlight ??= this.refresh().finally(() => {
        this.inFlight = undefined;
      });
    }
    if (this.inFlight) await this.inFlight;
    return { ...(this.last && { snapshot: this.last }), ...(this.lastError && { error: this.lastError }) };
  }

  private async refresh(): Promise<void> {
    try {
      this.last = { value: await this.collect(), takenAt: new Date(this.now()) };
      this.lastError = undefined;
    } catch (error) {
      this.lastError = error instanceof Error ? error : new Error(String(error));
    }
  }
}
