import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/reporters/sarif.js';
import { validateSarif } from '../support/sarif-validator.js';
import { FK_INDEX_META, finding, report } from './sample-report.js';

function renderValid(...args: Parameters<typeof renderSarif>) {
  const log = JSON.parse(renderSarif(...args));
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

describe('renderSarif', () => {
  const located = finding({
    file: 'migrations/002_orders.sql',
    line: 3,
    column: 5,
    endLine: 4,
    endColumn: 12,
    why: 'Deleting a user scans every order.',
    help: 'Index orders.user_id.',
    suggestedSql: 'CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id);',
    data: { table: 'orders', columns: ['user_id'] },
  });

  it('validates against the official SARIF 2.1.0 schema with file locations', () => {
    const log = renderValid(report([located]));
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'pgvigil', version: '0.1.0' });
    const result = run.results[0];
    expect(result).toMatchObject({ ruleId: 'require-fk-index', level: 'warning' });
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('require-fk-index');
    expect(result.message.text).toBe(
      'Foreign key orders.user_id has no index.\nDeleting a user scans every order.\nIndex orders.user_id.',
    );
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'migrations/002_orders.sql', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 5, endLine: 4, endColumn: 12 },
    });
    expect(result.properties).toEqual({
      category: 'performance',
      suggestedSql: located.suggestedSql,
      data: located.data,
    });
  });

  it('validates without any location (live findings)', () => {
    const log = renderValid(report([finding({ severity: 'info', message: 'Sequence at 81%.' })]));
    const result = log.runs[0].results[0];
    expect(result.level).toBe('note');
    expect(result.locations).toBeUndefined();
  });

  it('validates with a fix, as text replacements on the artifact', () => {
    const fixed = finding({
      file: 'schema.sql',
      line: 1,
      fix: {
        title: 'Build the index concurrently',
        kind: 'safe',
        edits: [{ start: 7, end: 12, text: 'INDEX CONCURRENTLY' }],
      },
    });
    const result = renderValid(report([fixed])).runs[0].results[0];
    expect(result.fixes).toEqual([
      {
        description: { text: 'Build the index concurrently' },
        artifactChanges: [
          {
            artifactLocation: { uri: 'schema.sql', uriBaseId: '%SRCROOT%' },
            replacements: [
              {
                deletedRegion: { charOffset: 7, charLength: 5 },
                insertedContent: { text: 'INDEX CONCURRENTLY' },
              },
            ],
          },
        ],
      },
    ]);
    expect(result.properties.fixKind).toBe('safe');
  });

  it('derives the rule table from rule metadata and covers ids it lacks', () => {
    const log = renderValid(report([finding({ rule: 'prefer-identity', severity: 'error' }), located]));
    const rules = log.runs[0].tool.driver.rules;
    expect(rules[0]).toEqual({
      id: 'require-fk-index',
      shortDescription: { text: FK_INDEX_META.summary },
      helpUri: 'https://github.com/pgvigil/pgvigil/blob/main/docs/rules/require-fk-index.md',
      defaultConfiguration: { level: 'warning' },
      properties: { category: 'performance', group: 'schema', tags: ['performance'] },
    });
    expect(rules.map((rule: { id: string }) => rule.id)).toEqual([
      'require-fk-index',
      'require-concurrent-index',
      'prefer-identity',
    ]);
    for (const result of log.runs[0].results) expect(rules[result.ruleIndex].id).toBe(result.ruleId);
  });

  it('writes artifact URIs with forward slashes, percent-encoding, relative to the root', () => {
    const log = renderValid(
      report([
        finding({ file: 'migrations\\003 add note.sql', line: 1 }),
        finding({ file: './queries/find.sql', line: 1 }),
        finding({ file: '/repo/db/schema.sql', line: 1 }),
        finding({ file: '/elsewhere/x.sql', line: 1 }),
      ]),
      { rootDir: '/repo' },
    );
    const uris = log.runs[0].results.map(
      (result: { locations: { physicalLocation: { artifactLocation: unknown } }[] }) =>
        result.locations[0]?.physicalLocation.artifactLocation,
    );
    // Results come sorted by the file path as given: './queries…', '/elsewhere…', '/repo…', 'migrations…'.
    expect(uris).toEqual([
      { uri: 'queries/find.sql', uriBaseId: '%SRCROOT%' },
      { uri: 'file:///elsewhere/x.sql' },
      { uri: 'db/schema.sql', uriBaseId: '%SRCROOT%' },
      { uri: 'migrations/003%20add%20note.sql', uriBaseId: '%SRCROOT%' },
    ]);
    expect(log.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
  });

  it('is checked by a validator that rejects what SARIF forbids', () => {
    const log = JSON.parse(renderSarif(report([finding({ file: 'a.sql', line: 1 })])));
    log.runs[0].results[0].level = 'info';
    expect(validateSarif(log)).toBe(false);
    log.runs[0].results[0].level = 'note';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validateSarif(log)).toBe(false);
  });
});
