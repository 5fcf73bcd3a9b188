import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { docsUrl, type RuleMeta } from '../diagnostics/rule-meta.js';
import { artifactLocation, SRCROOT, srcRootUri } from './artifact-uri.js';
import { type Report, sortDiagnostics } from './report.js';

export const SARIF_SCHEMA_URI =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const PROJECT_URI = 'https://github.com/pgvigil/pgvigil';

export interface SarifOptions {
  /** Directory that relative artifact URIs are relative to; absolute file paths under it are made relative. */
  readonly rootDir?: string;
}

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

/** SARIF 2.1.0: one run, the rule table derived from the rule metadata, one result per finding. */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const diagnostics = sortDiagnostics(report.diagnostics);
  const rules = ruleTable(report.rules, diagnostics);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            informationUri: PROJECT_URI,
            rules: rules.map(ruleDescriptor),
          },
        },
        ...(options.rootDir === undefined
          ? {}
          : { originalUriBaseIds: { [SRCROOT]: { uri: srcRootUri(options.rootDir) } } }),
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map((diagnostic) => result(diagnostic, ruleIndex, options)),
        // A run that stopped before its end (the connection to the server lost) did not succeed.
        ...(report.partial && {
          invocations: [
            {
              executionSuccessful: false,
              toolExecutionNotifications: [{ level: 'error', message: { text: report.partial.reason } }],
            },
          ],
        }),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** Rules that ran, plus any id a finding carries that the metadata lacks, so every ruleIndex resolves. */
function ruleTable(metas: readonly RuleMeta[], diagnostics: readonly Diagnostic[]): readonly RuleEntry[] {
  const entries = new Map<string, RuleEntry>();
  for (const meta of metas) if (!entries.has(meta.id)) entries.set(meta.id, { id: meta.id, meta });
  for (const { rule } of diagnostics) if (!entries.has(rule)) entries.set(rule, { id: rule });
  return [...entries.values()];
}

interface RuleEntry {
  readonly id: string;
  readonly meta?: RuleMeta;
}

function ruleDescriptor({ id, meta }: RuleEntry) {
  if (meta === undefined) return { id, helpUri: docsUrl(id) };
  return {
    id,
    shortDescription: { text: meta.summary },
    helpUri: docsUrl(id),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: { category: meta.category, group: meta.group, tags: [meta.category] },
  };
}

function result(diagnostic: Diagnostic, ruleIndex: ReadonlyMap<string, number>, options: SarifOptions) {
  const artifact =
    diagnostic.file === undefined ? undefined : artifactLocation(diagnostic.file, options.rootDir);
  const region = regionOf(diagnostic);
  return {
    ruleId: diagnostic.rule,
    ruleIndex: ruleIndex.get(diagnostic.rule),
    level: LEVEL[diagnostic.severity],
    message: { text: [diagnostic.message, diagnostic.why, diagnostic.help].filter(Boolean).join('\n') },
    ...(artifact === undefined
      ? {}
      : { locations: [{ physicalLocation: { artifactLocation: artifact, ...(region ? { region } : {}) } }] }),
    ...(artifact === undefined || diagnostic.fix === undefined
      ? {}
      : {
          fixes: [
            {
              description: { text: diagnostic.fix.title },
              artifactChanges: [
                {
                  artifactLocation: artifact,
                  replacements: diagnostic.fix.edits.map((edit) => ({
                    deletedRegion: { charOffset: edit.start, charLength: edit.end - edit.start },
                    insertedContent: { text: edit.text },
                  })),
                },
              ],
            },
          ],
        }),
    properties: {
      category: diagnostic.category,
      ...(diagnostic.suggestedSql === undefined ? {} : { suggestedSql: diagnostic.suggestedSql }),
      ...(diagnostic.fix === undefined ? {} : { fixKind: diagnostic.fix.kind }),
      ...(diagnostic.data === undefined ? {} : { data: diagnostic.data }),
    },
  };
}

function regionOf(diagnostic: Diagnostic) {
  if (diagnostic.line === undefined) return undefined;
  const { line, column, endLine, endColumn } = diagnostic;
  return {
    startLine: line,
    ...(column === undefined ? {} : { startColumn: column }),
    ...(endLine === undefined ? {} : { endLine }),
    ...(endColumn === undefined ? {} : { endColumn }),
  };
}
