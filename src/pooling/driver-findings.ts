import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import { docsUrl, type RuleMeta } from '../diagnostics/rule-meta.js';
import { banNamedPreparedStatement } from '../rules/pooling/ban-named-prepared-statement.js';
import { requirePostgresJsPrepareFalse } from '../rules/pooling/require-postgres-js-prepare-false.js';
import { requirePrismaPgbouncerFlag } from '../rules/pooling/require-prisma-pgbouncer-flag.js';
import type { CodeDrivers } from './code-drivers.js';
import { breaksSessions, type PoolerDetection } from './pooler-detection.js';
import type { PrismaDatasource } from './prisma-datasource.js';
import { urlHints } from './url-hints.js';

function finding(
  meta: RuleMeta,
  severity: Severity,
  place: { file: string; line: number; column?: number },
  text: { message: string; why: string; help: string },
  data: Readonly<Record<string, unknown>>,
): Diagnostic {
  return {
    rule: meta.id,
    category: meta.category,
    severity,
    ...text,
    ...place,
    data,
    docsUrl: docsUrl(meta.id),
  };
}

/** Prisma datasources that reach a transaction pooler without pgbouncer=true. */
export function prismaFindings(
  datasources: readonly PrismaDatasource[],
  detection: PoolerDetection,
): Diagnostic[] {
  return datasources.flatMap((ds) => {
    const pooled = ds.url
      ? breaksSessions(urlHints(ds.url)) || breaksSessions(detection)
      : breaksSessions(detection);
    if (!pooled || (ds.url && /[?&]pgbouncer=true\b/.test(ds.url))) return [];
    return [
      finding(
        requirePrismaPgbouncerFlag,
        requirePrismaPgbouncerFlag.defaultSeverity,
        { file: ds.file, line: ds.line },
        {
          message: `The Prisma datasource (${ds.written}) goes through a transaction-mode pooler without pgbouncer=true.`,
          why: 'Prisma names its prepared statements per connection; through the pooler they land on server connections that already have them or never had them: "prepared statement \\"s0\\" already exists" / "does not exist".',
          help: `Add pgbouncer=true to the URL (…?pgbouncer=true&connection_limit=1 on serverless)${ds.hasDirectUrl ? '' : ', and set directUrl to a direct connection for prisma migrate'}; with PgBouncer 1.21+ and max_prepared_statements set, the flag is no longer needed.`,
        },
        { written: ds.written, hasDirectUrl: ds.hasDirectUrl },
      ),
    ];
  });
}

/** postgres.js clients without prepare: false behind a pooler, and node-postgres named statements. */
export function codeDriverFindings(
  file: string,
  drivers: CodeDrivers,
  detection: PoolerDetection,
  namedSeverity: Severity,
): Diagnostic[] {
  const postgresJs = breaksSessions(detection)
    ? drivers.postgresJs
        .filter((client) => !client.prepareOff)
        .map((client) =>
          finding(
            requirePostgresJsPrepareFalse,
            requirePostgresJsPrepareFalse.defaultSeverity,
            { file, line: client.line, column: client.column },
            {
              message:
                'This postgres.js client prepares its statements by name, which a transaction-mode pooler does not keep for it.',
              why: 'postgres.js prepares each query once per connection and reuses the name; behind the pooler the next use runs on another server connection: "prepared statement does not exist".',
              help: 'Pass prepare: false in the client options: postgres(url, { prepare: false }).',
            },
            {},
          ),
        )
    : [];
  const named = drivers.namedStatements.map((statement) =>
    finding(
      banNamedPreparedStatement,
      namedSeverity,
      { file, line: statement.line, column: statement.column },
      {
        message: `The query named "${statement.name}" is a named prepared statement, which lives on one server connection.`,
        why: 'node-postgres prepares a named query once per client connection and then only binds it; behind a transaction-mode pooler the bind reaches another server connection: "prepared statement does not exist" (or "already exists" for another client).',
        help: 'Drop the name: { text, values } runs as an unnamed statement, which works through any pooler (PgBouncer 1.21+ with max_prepared_statements also supports names).',
      },
      { name: statement.name },
    ),
  );
  return [...postgresJs, ...named];
}
