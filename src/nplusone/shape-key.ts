/**
 * A cheap stand-in for the fingerprint, computed without the parser: the text with each number and
 * string constant replaced by one marker. Texts with equal keys differ only in constants, so they
 * have one fingerprint (libpg-query ignores constants) and one set of statement facts. Texts the
 * scan is unsure of (comments, dollar quotes, a number glued to a word) have no key: callers then
 * key on the whole text, which is always safe.
 */
const MARK = '\u0001';

const isIdentChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const QUOTE = 39;
const DOUBLE_QUOTE = 34;
const BACKSLASH = 92;

/** Index after the string constant opening at `start` (a quote), or -1 when it does not close. */
function stringEnd(sql: string, start: number, backslashEscapes: boolean): number {
  for (let i = start + 1; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    if (backslashEscapes && c === BACKSLASH) i++;
    else if (c === QUOTE) {
      if (sql.charCodeAt(i + 1) !== QUOTE) return i + 1;
      i++;
    }
  }
  return -1;
}

/** Index after the number starting at `start`: digits, a fraction, an exponent. */
function numberEnd(sql: string, start: number): number {
  let i = start;
  while (isDigit(sql.charCodeAt(i))) i++;
  if (sql.charCodeAt(i) === 46 && isDigit(sql.charCodeAt(i + 1))) {
    i++;
    while (isDigit(sql.charCodeAt(i))) i++;
  }
  const e = sql.charCodeAt(i);
  if (e === 69 || e === 101) {
    let j = i + 1;
    const sign = sql.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(sql.charCodeAt(j))) {
      while (isDigit(sql.charCodeAt(j))) j++;
      i = j;
    }
  }
  return i;
}

export function shapeKey(sql: string): string | undefined {
  let out = '';
  let copied = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql.charCodeAt(i);
    const before = i > 0 ? sql.charCodeAt(i - 1) : 32;
    if (c === QUOTE) {
      // E'…' takes backslash escapes; the letter itself stays in the key.
      const escapes = (before === 69 || before === 101) && !isIdentChar(i > 1 ? sql.charCodeAt(i - 2) : 32);
      const end = stringEnd(sql, i, escapes);
      if (end < 0) return undefined;
      out += sql.slice(copied, i) + MARK;
      copied = end;
      i = end - 1;
    } else if (c === DOUBLE_QUOTE) {
      const end = sql.indexOf('"', i + 1);
      if (end < 0) return undefined;
      i = end;
    } else if (isDigit(c) && !isIdentChar(before)) {
      const end = numberEnd(sql, i);
      if (isIdentChar(sql.charCodeAt(end))) return undefined;
      out += sql.slice(copied, i) + MARK;
      copied = end;
      i = end - 1;
    } else if (c === 36 && !isIdentChar(before) && !isDigit(sql.charCodeAt(i + 1))) return undefined;
    else if ((c === 45 && sql.charCodeAt(i + 1) === 45) || (c === 47 && sql.charCodeAt(i + 1) === 42))
      return undefined;
  }
  return out + sql.slice(copied);
}
