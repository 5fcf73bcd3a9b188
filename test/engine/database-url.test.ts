import { describe, expect, it } from 'vitest';
import { urlForDatabase } from '../../src/engine/database-url.js';

describe('urlForDatabase', () => {
  it('replaces the database and keeps credentials, host and parameters', () => {
    expect(urlForDatabase('postgres://u:p@h:5433/app?sslmode=require', 'other')).toBe(
      'postgres://u:p@h:5433/other?sslmode=require',
    );
  });

  it('adds a database to a URL that has none', () => {
    expect(urlForDatabase('postgresql://u@h', 'other')).toBe('postgresql://u@h/other');
    expect(urlForDatabase('postgres://h?application_name=x', 'other')).toBe(
      'postgres://h/other?application_name=x',
    );
  });

  it('handles socket URLs that the WHATWG URL parser rejects', () => {
    expect(urlForDatabase('postgres://u@/app?host=/var/run/postgresql', 'other')).toBe(
      'postgres://u@/other?host=/var/run/postgresql',
    );
  });

  it('rejects strings that are not postgres URLs', () => {
    expect(() => urlForDatabase('host=localhost dbname=app', 'other')).toThrow(/not a postgres:\/\/ URL/);
  });
});
