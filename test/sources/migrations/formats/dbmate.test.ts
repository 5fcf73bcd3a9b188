import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { dbmate } from '../../../../src/sources/migrations/formats/dbmate.js';
import { fixtureDir, loadFixture, nonBlankLines, summary } from '../fixture.js';

describe('dbmate loader', () => {
  it('splits each file into its up and down sections, in file order', async () => {
    const { migrations } = await loadFixture(dbmate);
    expect(migrations.map(summary)).toEqual([
      ['20240101000000', '20240101000000_create_users.sql', '20240101000000_create_users.sql', true],
      ['20240102000000', '20240102000000_index_posts.sql', '20240102000000_index_posts.sql', false],
    ]);
    const [users] = migrations;
    expect(nonBlankLines(users?.up.sql ?? '')).toEqual([
      '-- migrate:up',
      'CREATE TABLE users (id bigint PRIMARY KEY);',
      'CREATE TABLE posts (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));',
    ]);
    expect(nonBlankLines(users?.down?.sql ?? '')[0]).toBe('-- migrate:down');
  });

  it('keeps every line and column of the file: the sections are blanked, not cut', async () => {
    const { migrations } = await loadFixture(dbmate);
    const text = await readFile(`${fixtureDir('dbmate')}/20240101000000_create_users.sql`, 'utf8');
    const up = migrations[0]?.up.sql ?? '';
    const down = migrations[0]?.down?.sql ?? '';
    expect(up).toHaveLength(text.length);
    expect(down).toHaveLength(text.length);
    expect(up.split('\n')[2]).toBe('-- migrate:up');
    expect(down.split('\n')[6]).toBe('-- migrate:down');
    expect(up.indexOf('CREATE TABLE users')).toBe(text.indexOf('CREATE TABLE users'));
  });

  it('honours transaction:false only while the section is a single statement', async () => {
    const { migrations } = await loadFixture(dbmate);
    expect(migrations[1]?.inTransaction).toBe(false);
    expect(migrations[0]?.inTransaction).toBe(true);
  });

  it('reports a file without a down section at its line and leaves it out', async () => {
    const { diagnostics } = await loadFixture(dbmate);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.file).toMatch(/20240103000000_no_down\.sql$/);
    expect(diagnostics[0]?.message).toContain("no '-- migrate:down' line");
  });
});
