import { readFileSync } from 'node:fs';
import { isStdin, stdinTextRead } from '../util/stdin.js';

/**
 * The files of one run, each read at most once: format detection, loading and the reporters' code
 * frames share one read (reading a 330-file folder three times was a fifth of `lint --static`).
 * Read synchronously: migration files are small and read one after another, where each
 * promise-based read costs four trips through the thread pool, ~7x the CPU.
 */
export class FileTexts {
  readonly #read = new Map<string, { readonly text: string } | { readonly error: unknown }>();

  /** The file's text, or undefined when it cannot be read (the caller reports it). */
  read(path: string): string | undefined {
    const outcome = this.#outcome(path);
    return 'text' in outcome ? outcome.text : undefined;
  }

  /** The file's text; throws the system error (ENOENT, EACCES…) when it cannot be read. */
  text(path: string): string {
    const outcome = this.#outcome(path);
    if ('text' in outcome) return outcome.text;
    throw outcome.error;
  }

  #outcome(path: string) {
    let outcome = this.#read.get(path);
    if (!outcome) {
      try {
        // Standard input is read before, asynchronously (stdinText): it cannot be read again.
        outcome = { text: isStdin(path) ? stdinTextRead() : readFileSync(path, 'utf8') };
      } catch (error) {
        outcome = { error };
      }
      this.#read.set(path, outcome);
    }
    return outcome;
  }
}
