/** A mistake in a config file, located by file, key path and (for syntax errors) line and column. */
export class ConfigError extends Error {
  readonly file: string;
  /** Dotted path of the offending key, e.g. `rules.require-fk-index.options.minRows`; empty for the whole file. */
  readonly keyPath: string;
  readonly line?: number;
  readonly column?: number;
  /** One line for the user: `file[:line:col]: key: problem`. */
  readonly userMessage: string;

  constructor(file: string, keyPath: string, problem: string, position?: { line: number; column: number }) {
    const where = position ? `${file}:${position.line}:${position.column}` : file;
    const userMessage = `${where}: ${keyPath ? `${keyPath}: ` : ''}${problem}`;
    super(userMessage);
    this.name = 'ConfigError';
    this.file = file;
    this.keyPath = keyPath;
    this.line = position?.line;
    this.column = position?.column;
    this.userMessage = userMessage;
  }
}
