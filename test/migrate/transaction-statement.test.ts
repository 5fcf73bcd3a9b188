import { beforeAll, describe, expect, it } from 'vitest';
import { transactionEffectOfSql } from '../../src/migrate/transaction-statement.js';
import { initSql } from '../../src/sql/parser.js';

describe('transactionEffectOfSql: whether a statement opens or closes a transaction block', () => {
  beforeAll(() => initSql());

  it.each([
    ['BEGIN', 'begin'],
    ['START TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'begin'],
    ['COMMIT', 'end'],
    ['END', 'end'],
    ['ROLLBACK', 'end'],
    ['ABORT', 'end'],
    ["PREPARE TRANSACTION 'x'", 'end'],
    // The next transaction starts at once: the block goes on.
    ['COMMIT AND CHAIN', undefined],
    ['ROLLBACK AND CHAIN', undefined],
    ['SAVEPOINT s', undefined],
    ['ROLLBACK TO SAVEPOINT s', undefined],
    ['BEGIN; COMMIT', undefined],
    ['CREATE TABLE begin_at (id int)', undefined],
  ])('%s → %s', (sql, effect) => {
    expect(transactionEffectOfSql(sql)).toBe(effect);
  });
});
