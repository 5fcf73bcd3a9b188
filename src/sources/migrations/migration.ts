/** One migration as its tool sees it: an up step, maybe a down step, and how the tool runs them. */
export interface Migration {
  /** The tool's version or ordering key, e.g. `000002`. */
  readonly version: string;
  readonly name: string;
  readonly up: string;
  readonly down?: string;
  /**
   * Whether the tool runs the step inside one transaction. Decides whether CONCURRENTLY fails and
   * how long each lock is held.
   */
  readonly inTransaction: boolean;
}

export type MigrationFormat = 'golang-migrate' | 'plain';
