/** Redraws at most this often: a log of many GB must not spend its time drawing. */
const INTERVAL_MS = 200;
const WIDTH = 24;

export interface ProgressBar {
  /** `done` of `total` bytes of `label` are read. */
  readonly update: (label: string, done: number, total: number) => void;
  /** Clears the bar, leaving the terminal as it was. */
  readonly end: () => void;
}

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(bytes < 10 * 1048576 ? 1 : 0)} MB`;

/** A one-line bar redrawn in place on a terminal (`\r`), rate-limited. */
export function progressBar(write: (text: string) => void, now: () => number = Date.now): ProgressBar {
  let last = 0;
  let shown = false;
  const started = now();
  return {
    update(label, done, total) {
      const time = now();
      if (time - last < INTERVAL_MS) return;
      last = time;
      const share = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(share * WIDTH);
      const rate = done / 1048576 / Math.max(0.001, (time - started) / 1000);
      write(
        `\r\u001b[K${label} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${Math.floor(share * 100)}% ${mb(done)} of ${mb(total)}, ${rate.toFixed(1)} MB/s`,
      );
      shown = true;
    },
    end() {
      if (shown) write('\r\u001b[K');
    },
  };
}
