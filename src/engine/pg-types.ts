import pg from 'pg';

const INT8 = 20;
const INT8_ARRAY = 1016;

type Parser = (value: string) => unknown;
type ParsedArray = (string | null | ParsedArray)[];

// pg-types only types the scalar builtins; array oids are just as real.
const builtinParser = pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => Parser;

function toNumbers(values: ParsedArray): unknown[] {
  return values.map((v) => (v === null ? null : Array.isArray(v) ? toNumbers(v) : Number(v)));
}

function parserFor(oid: number, format: 'text' | 'binary' = 'text'): Parser {
  if (format === 'text' && oid === INT8) return Number;
  if (format === 'text' && oid === INT8_ARRAY) {
    const parseArray = builtinParser(INT8_ARRAY, 'text');
    return (value) => toNumbers(parseArray(value) as ParsedArray);
  }
  return builtinParser(oid, format);
}

/**
 * node-postgres returns int8 as a string, PGlite as a number. Analyses must not care which engine they got,
 * so the server engine follows PGlite (numeric stays a string in both). Counts and sizes fit a double;
 * queries that need exact 64-bit values (LSNs, xids) cast to text themselves.
 */
export const pgliteCompatibleTypes: pg.CustomTypesConfig = {
  getTypeParser: parserFor as pg.CustomTypesConfig['getTypeParser'],
};
