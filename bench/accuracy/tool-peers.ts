import { execFile } from 'node:child_process';
import { join } from 'node:path';
import type { CaseFiles } from './case-files.js';
import { pgfenceClaim, squawkClaim } from './hazard-rules.js';
import type { ToolRun } from './tool-run.js';

const BIN = join(import.meta.dirname, '..', '..', 'node_modules', '.bin');

/** Runs a peer and returns its stdout; both exit non-zero when they find something. */
function stdoutOf(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(join(BIN, command), [...args], { maxBuffer: 16 * 1024 * 1024 }, (_error, stdout) =>
      resolve(stdout),
    );
  });
}

function parsed<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

/** squawk-cli, JSON reporter, told the server version the truth was measured on. */
export async function runSquawk(files: CaseFiles): Promise<ToolRun> {
  const out = await stdoutOf('squawk', ['--reporter', 'json', '--pg-version', '15.0', files.migration]);
  const report = parsed<{ rule_name: string }[]>(out);
  if (!Array.isArray(report)) return { findings: [], error: `no JSON report: ${out.slice(0, 200)}` };
  return { findings: report.map((r) => ({ rule: r.rule_name, claim: squawkClaim(r.rule_name) })) };
}

interface PgfenceReport {
  readonly results?: readonly {
    readonly checks?: readonly { readonly ruleId: string; readonly risk?: string }[];
    readonly policyViolations?: readonly { readonly ruleId: string }[];
  }[];
}

/** pgfence analyze, JSON output, minimum version 15. */
export async function runPgfence(files: CaseFiles): Promise<ToolRun> {
  const out = await stdoutOf('pgfence', [
    'analyze',
    '--output',
    'json',
    '--min-pg-version',
    '15',
    files.migration,
  ]);
  const report = parsed<PgfenceReport>(out);
  if (!report?.results) return { findings: [], error: `no JSON report: ${out.slice(0, 200)}` };
  return {
    findings: report.results.flatMap((r) => [
      ...(r.checks ?? []).map((c) => ({ rule: c.ruleId, claim: pgfenceClaim(c.ruleId, c.risk) })),
      ...(r.policyViolations ?? []).map((v) => ({ rule: v.ruleId, claim: pgfenceClaim(v.ruleId) })),
    ]),
  };
}
