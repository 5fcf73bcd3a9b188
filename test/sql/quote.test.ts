import { beforeAll, describe, expect, it } from 'vitest';
import { initSql } from '../../src/sql/parser.js';
import { quoteIdent } from '../../src/sql/quote.js';

beforeAll(initSql);

describe('quoteIdent', () => {
  it('leaves plain lower-case names and unreserved keywords alone', () => {
    expect(quoteIdent('posts')).toBe('posts');
    expect(quoteIdent('author_id')).toBe('author_id');
    expect(quoteIdent('comment')).toBe('comment');
  });

  it('quotes reserved and column-name keywords, upper case and odd characters, doubling quotes', () => {
    expect(quoteIdent('user')).toBe('"user"');
    expect(quoteIdent('order')).toBe('"order"');
    expect(quoteIdent('Order')).toBe('"Order"');
    expect(quoteIdent('my table')).toBe('"my table"');
    expect(quoteIdent('9lives')).toBe('"9lives"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('a$b')).toBe('"a$b"');
    expect(quoteIdent('é')).toBe('"é"');
  });
});
