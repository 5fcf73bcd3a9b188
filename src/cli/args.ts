import { parseArgs } from 'node:util';
import type { Severity } from '../diagnostics/diagnostic.js';
import { type Format, formats, isFormat } from '../reporters/index.js';
import { UsageError } from './usage-error.js';

export interface CliArgs {
  readonly command?: string;
  readonly positionals: readonly string[];
  readonly format: Format;
  readonly config?: string;
  readonly schema: readonly string[];
  readonly failOn?: Severity;
  readonly output?: string;
  readonly quiet: boolean;
  readonly color: boolean;
  readonly help: boolean;
  readonly version: boolean;
  /** lint: run every migration in a transaction, or none in one, whatever the tool does. */
  readonly transaction?: 'assume' | 'none';
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info'];

export function parseCliArgs(argv: readonly string[], env: NodeJS.ProcessEnv, isTty: boolean): CliArgs {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. Run pgvigil --help for the options.`);
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (!isFormat(format))
    throw new UsageError(`--format ${format} is not a format; use one of ${formats.join(', ')}.`);
  if (values['fail-on'] !== undefined && !SEVERITIES.includes(values['fail-on'])) {
    throw new UsageError(`--fail-on ${values['fail-on']} is not a severity; use error, warning or info.`);
  }
  if (values['assume-in-transaction'] && values['no-transaction']) {
    throw new UsageError('--assume-in-transaction and --no-transaction contradict each other; give one.');
  }
  const [command, ...rest] = positionals;
  return {
    command,
    positionals: rest,
    format,
    config: values.config,
    schema: values.schema ?? [],
    failOn: values['fail-on'] as Severity | undefined,
    output: values.output,
    quiet: values.quiet ?? false,
    color: isTty && !values['no-color'] && env.NO_COLOR === undefined && values.output === undefined,
    help: values.help ?? false,
    version: values.version ?? false,
    transaction: values['assume-in-transaction'] ? 'assume' : values['no-transaction'] ? 'none' : undefined,
  };
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string' },
      config: { type: 'string' },
      schema: { type: 'string', multiple: true },
      'fail-on': { type: 'string' },
      output: { type: 'string' },
      quiet: { type: 'boolean' },
      'no-color': { type: 'boolean' },
      'assume-in-transaction': { type: 'boolean' },
      'no-transaction': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}
