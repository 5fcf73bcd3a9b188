/** A command to time: run as a fresh child process each time, without a shell. */
export interface CommandSpec {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  /** Added to (and overriding) the parent's environment. */
  readonly env?: NodeJS.ProcessEnv;
  /** Exit codes that mean the command did its work; `check` exits 1 when it finds something. */
  readonly okExitCodes?: readonly number[];
}

/** `node <script> ...args` with this process's node binary. */
export function nodeCommand(cwd: string, script: string, args: readonly string[] = []): CommandSpec {
  return { command: process.execPath, args: [script, ...args], cwd };
}
