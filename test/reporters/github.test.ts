import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, renderGithub } from '../../src/reporters/github.js';
import { finding, report } from './sample-report.js';

describe('GitHub escaping', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100% of rows\r\nscanned')).toBe('100%25 of rows%0D%0Ascanned');
  });

  it('escapes : and , as well in properties, after %', () => {
    expect(escapeProperty('db/a,b:c%.sql')).toBe('db/a%2Cb%3Ac%25.sql');
  });
});

describe('renderGithub', () => {
  it('writes one annotation per finding with location, title and the message, why and help', () => {
    const output = renderGithub(
      report([
        finding({
          severity: 'error',
          rule: 'require-concurrent-index',
          file: 'migrations/001_init.sql',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 38,
          message: 'CREATE INDEX blocks writes to orders.',
          why: 'Writes wait until the build ends: 100% of the table is read.',
          help: 'Use CREATE INDEX CONCURRENTLY.',
        }),
      ]),
    );
    expect(output).toBe(
      '::error file=migrations/001_init.sql,line=4,col=1,endLine=4,endColumn=38,' +
        'title=pgvigil(require-concurrent-index)::CREATE INDEX blocks writes to orders.' +
        '%0AWrites wait until the build ends: 100%25 of the table is read.%0AUse CREATE INDEX CONCURRENTLY.\n',
    );
  });

  it('maps info to notice and escapes commas and colons in file names', () => {
    const output = renderGithub(report([finding({ severity: 'info', file: 'C:/sql/a,b.sql', line: 2 })]));
    expect(output).toBe(
      '::notice file=C%3A/sql/a%2Cb.sql,line=2,title=pgvigil(require-fk-index)::Foreign key orders.user_id has no index.\n',
    );
  });

  it('drops columns for a multi-line span and location for a finding without a file', () => {
    const lines = renderGithub(
      report([
        finding({ file: 'a.sql', line: 2, column: 3, endLine: 5, endColumn: 9 }),
        finding({ severity: 'warning', message: 'Live: 3 invalid indexes.' }),
      ]),
    ).split('\n');
    expect(lines[0]).toBe(
      '::warning file=a.sql,line=2,endLine=5,title=pgvigil(require-fk-index)::Foreign key orders.user_id has no index.',
    );
    expect(lines[1]).toBe('::warning title=pgvigil(require-fk-index)::Live: 3 invalid indexes.');
    expect(lines).toHaveLength(3);
  });

  it('prints nothing when there are no findings', () => {
    expect(renderGithub(report([]))).toBe('');
  });
});
