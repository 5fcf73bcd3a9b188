import { relative } from 'node:path';
import type { NPlusOneFinding } from './finding.js';
import type { StackFrame } from './stack.js';

const LABEL = 14;
const row = (label: string, text: string): string => {
  const [head = '', ...rest] = text.split('\n');
  return [
    `  ${label.padEnd(LABEL)}${head}`,
    ...rest.map((line) => `  ${''.padEnd(LABEL)}${line}`.trimEnd()),
  ].join('\n');
};

function frameText(frame: StackFrame): string {
  const where = `${relative(process.cwd(), frame.file) || frame.file}:${frame.line}:${frame.column}`;
  return frame.function ? `${where} (${frame.function})` : where;
}

function section(finding: NPlusOneFinding, index: number): string {
  const { diagnostic } = finding;
  const lines = [
    `${index + 1}) ${diagnostic.rule}: ${diagnostic.message}`,
    row('fingerprint', finding.fingerprints.join(' then ')),
    row('repeated', finding.queries.join('\n')),
  ];
  if (finding.previousQuery) lines.push(row('before it', finding.previousQuery));
  lines.push(
    row(
      'called from',
      finding.stack.length > 0 ? finding.stack.map(frameText).join('\n') : '(no frame outside node_modules)',
    ),
  );
  if (diagnostic.help) lines.push(row('fix', diagnostic.help));
  if (finding.suggestedSql) lines.push(row('suggested SQL', finding.suggestedSql));
  if (diagnostic.docsUrl) lines.push(row('docs', diagnostic.docsUrl));
  return lines.join('\n');
}

/** The text an NPlusOneError carries: every finding with its queries, stack and fix. */
export function formatReport(findings: readonly NPlusOneFinding[]): string {
  const title =
    findings.length === 1
      ? 'pgvigil found 1 repeated query pattern:'
      : `pgvigil found ${findings.length} repeated query patterns:`;
  return [title, ...findings.map(section)].join('\n\n');
}
