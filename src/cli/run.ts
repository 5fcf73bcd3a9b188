import { writeFile } from 'node:fs/promises';
import { ConnectionError } from '../engine/connection-error.js';
import { allRuleMetas } from '../rules/registry.js';
import { type CliArgs, parseCliArgs } from './args.js';
import { commandHelp } from './command-help.js';
import type { CommandResult } from './commands/check.js';
import { EXIT_CLEAN, EXIT_USAGE, exitCodeFor } from './exit-code.js';
import { HELP } from './help.js';
import { systemErrorLine } from './system-error.js';
import { UsageError } from './usage-error.js';
import { packageVersion } from './version.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: NodeJS.ProcessEnv;
  readonly isTty: boolean;
}

type Command = (args: CliArgs) => Promise<CommandResult>;

/** Each command's module loads when it runs: lint --static starts without the engine's modules. */
const COMMANDS: Readonly<Record<string, () => Promise<Command>>> = {
  check: async () => (await import('./commands/check.js')).checkCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  verify: async () => (await import('./commands/verify.js')).verifyCommand,
  explain: async () => (await import('./commands/explain.js')).explainCommand,
  advise: async () => (await import('./commands/advise.js')).adviseCommand,
  n1: async () => (await import('./commands/n1.js')).n1Command,
  pooling: async () => (await import('./commands/pooling.js')).poolingCommand,
  serve: async () => (await import('./commands/serve.js')).serveCommand,
  health: async () => (await import('./commands/health.js')).healthCommand,
  top: async () => (await import('./commands/top.js')).topCommand,
  stats: async () => (await import('./commands/stats.js')).statsCommand,
};

async function execute(args: CliArgs, io: CliIo): Promise<number> {
  if (args.version) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT_CLEAN;
  }
  if (args.help || args.command === undefined) {
    io.stdout((args.command && commandHelp(args.command)) || HELP);
    return args.help ? EXIT_CLEAN : EXIT_USAGE;
  }
  const command = COMMANDS[args.command];
  if (!command)
    throw new UsageError(`unknown command "${args.command}"; run pgvigil --help for the commands.`);
  const result = await (await command())(args);
  if (result.silent) return EXIT_CLEAN;
  if (result.document) {
    // Written before the notes are printed: one of them says it was written there.
    if (args.output) await writeOutput(args.output, result.document.text);
    if (!args.quiet) for (const note of result.document.notes) io.stderr(`${note}\n`);
    if (!args.output) io.stdout(result.document.text);
    return EXIT_CLEAN;
  }
  const shown = args.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const report = {
    diagnostics: shown,
    rules: allRuleMetas,
    sources: result.sources,
    filesChecked: result.filesChecked,
    tool: { name: 'pgvigil', version: packageVersion() },
    ...(result.plans && { plans: result.plans }),
    ...(result.partial && { partial: result.partial }),
  } as const;
  const preface = args.format === 'text' ? (result.preface ?? '') : '';
  // The reporter loads only now: a run that fails before it has findings never needs it.
  const render = await (await import('../reporters/load-renderer.js')).loadRenderer(args.format);
  const output = preface + render(report, { color: args.color, rootDir: process.cwd() });
  if (args.output) await writeOutput(args.output, output);
  else io.stdout(output);
  // After the report, where a reader of "no problems in 0 files" looks next; stdout stays the report alone.
  if (!args.quiet) for (const note of result.notes ?? []) io.stderr(`${note}\n`);
  // Findings so far are no verdict: a partial run fails like a run that could not start.
  if (result.partial) {
    io.stderr(`pgvigil: partial results: ${result.partial.reason}\n`);
    return EXIT_USAGE;
  }
  return exitCodeFor(result.diagnostics, result.failOn);
}

/** The report into --output; a full disk or a read-only path is the user's to fix, said in one line. */
async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    const line = systemErrorLine(error, `could not write the report to ${file}`);
    if (line) throw new UsageError(`${line} Free space, fix the path or give another --output.`);
    throw error;
  }
}

/** argv → exit code. User mistakes print one line to stderr and give exit code 2, never a stack trace. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await execute(parseCliArgs(argv, io.env, io.isTty), io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConnectionError) {
      io.stderr(`pgvigil: ${error.userMessage}\n`);
      return EXIT_USAGE;
    }
    const line = systemErrorLine(error);
    if (line) {
      io.stderr(`pgvigil: ${line}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`pgvigil: internal error, please report it with this output:\n${message}\n`);
    return EXIT_USAGE;
  }
}
