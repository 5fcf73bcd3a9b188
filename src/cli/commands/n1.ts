import { loadProjectConfig } from '../../config/load-config.js';
import type { RuleSettings } from '../../config/rule-settings.js';
import { resolveRuleSettings } from '../../config/rule-settings.js';
import { analyzeEventSources, type OpenEventSource } from '../../nplusone/analyze-logs.js';
import { codeFindings } from '../../nplusone/code-findings.js';
import { inputKind } from '../../nplusone/input-kind.js';
import { logSource } from '../../nplusone/log-source.js';
import { progressBar } from '../../nplusone/progress-bar.js';
import { traceSource } from '../../nplusone/trace-source.js';
import { allRuleMetas, nPlusOneRuleMetas } from '../../rules/registry.js';
import { codeFilesIn } from '../../sources/code/code-files.js';
import { LogFormatError } from '../../sources/logs/read-log.js';
import { TraceFormatError } from '../../sources/traces/read-trace.js';
import { inputPath } from '../../util/stdin.js';
import type { CliArgs } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { CommandResult } from './check.js';

/** --min-repeats wins over the config for both rules of the run. */
function withMinRepeats(settings: ReadonlyMap<string, RuleSettings>, min: number | undefined) {
  if (min === undefined) return settings;
  const ids = new Set(nPlusOneRuleMetas.map((meta) => meta.id));
  return new Map(
    [...settings].map(([id, s]) => [
      id,
      ids.has(id) ? { ...s, thresholds: { ...s.thresholds, minRepeats: min } } : s,
    ]),
  );
}

/**
 * `pgvigil n1 <log | trace | dir>...`: N+1 patterns in PostgreSQL logs (stderr, csvlog, jsonlog,
 * gzip), OTLP JSON traces, and query calls inside loops in JavaScript/TypeScript folders.
 */
export async function n1Command(args: CliArgs): Promise<CommandResult> {
  if (args.positionals.length === 0)
    throw new UsageError('n1 needs a log, a trace or a source folder: pgvigil n1 postgresql.log src/');
  const loaded = await loadProjectConfig('.', args.config, { rules: allRuleMetas });
  if (loaded.errors.length > 0)
    throw new UsageError(loaded.errors.map((error) => error.userMessage).join('\n'));
  const settings = withMinRepeats(resolveRuleSettings(loaded.config, allRuleMetas), args.minRepeats);
  // Straight to the terminal, beside the report: only a person watching a TTY wants it.
  const bar =
    process.stderr.isTTY && !args.quiet ? progressBar((text) => process.stderr.write(text)) : undefined;
  const events: OpenEventSource[] = [];
  const code: string[] = [];
  for (const path of args.positionals.map(inputPath)) {
    const kind = await inputKind(path);
    if (kind === 'missing')
      throw new UsageError(`not found: ${path}; give a log, a trace or a source folder.`);
    if (kind === 'code-dir') code.push(...(await codeFilesIn(path)));
    else if (kind === 'code') code.push(path);
    else
      events.push(
        kind === 'trace'
          ? traceSource(path)
          : logSource(path, {
              ...(args.logPrefix !== undefined && { prefix: args.logPrefix }),
              ...(bar && { onProgress: (read: number, size: number) => bar.update(path, read, size) }),
            }),
      );
  }
  const fromCode = await codeFindings(code, settings);
  const fromEvents = await analyzeEventSources(events, settings)
    .catch((error: unknown) => {
      if (error instanceof LogFormatError || error instanceof TraceFormatError)
        throw new UsageError(error.message);
      throw error;
    })
    .finally(() => bar?.end());
  return {
    diagnostics: [...fromEvents, ...fromCode.diagnostics],
    sources: fromCode.sources,
    filesChecked: events.length + code.length,
    failOn: args.failOn ?? loaded.config.failOn,
  };
}
