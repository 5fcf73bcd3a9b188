import { createRequire } from 'node:module';
import type { Node, ParseResult } from '@pgsql/types';
import type * as PgQuery from 'libpg-query';
import type { ScanToken } from 'libpg-query';

/*
 * libpg-query is CommonJS. An ESM import of it makes Node run its CJS export scanner over the package
 * and its re-exports (about 30 ms of CPU, twice that with the translation): require loads it directly,
 * and lint --static's whole run is a few hundred milliseconds.
 */
const { fingerprintSync, hasSqlDetails, loadModule, normalizeSync, parsePlPgSQLSync, parseSync, scanSync } =
  createRequire(import.meta.url)('libpg-query') as typeof PgQuery;

/**
 * The only door to libpg-query. Its WASM module loads asynchronously once; after that every
 * call here is synchronous, which keeps the rest of sql/ free of promises.
 */
let loading: Promise<void> | undefined;
let ready = false;

export function initSql(): Promise<void> {
  loading ??= loadModule().then(() => {
    ready = true;
  });
  return loading;
}

function assertReady(): void {
  if (!ready) throw new Error('pgvigil sql: call `await initSql()` before parsing SQL (programming error).');
}

export interface ParseFailure {
  readonly message: string;
  /** 0-based count of Unicode code points (not bytes, not UTF-16 units) into the parsed string. */
  readonly cursorPosition: number;
}

export type ParseOutcome =
  | { readonly ok: true; readonly result: ParseResult }
  | { readonly ok: false; readonly error: ParseFailure };

export function parseSql(text: string): ParseOutcome {
  assertReady();
  try {
    return { ok: true, result: parseSync(text) };
  } catch (error) {
    if (hasSqlDetails(error) && error.sqlDetails) {
      const { message, cursorPosition } = error.sqlDetails;
      return { ok: false, error: { message, cursorPosition } };
    }
    return {
      ok: false,
      error: { message: error instanceof Error ? error.message : String(error), cursorPosition: 0 },
    };
  }
}

/** The parse tree of a text that is exactly one statement; undefined when it does not parse or holds several (or none). */
export function parseOnlyStatement(text: string): Node | undefined {
  const parsed = parseSql(text);
  const stmts = parsed.ok ? (parsed.result.stmts ?? []) : [];
  return stmts.length === 1 ? stmts[0]?.stmt : undefined;
}

/** PL/pgSQL's own parse of a CREATE FUNCTION … LANGUAGE plpgsql, as JSON; undefined when it does not parse. */
export function parsePlpgsql(createFunction: string): unknown {
  assertReady();
  try {
    return parsePlPgSQLSync(createFunction);
  } catch {
    return undefined;
  }
}

/** Scanner tokens with UTF-8 byte offsets, or undefined when the text does not scan (unterminated literal). */
export function scanSql(text: string): readonly ScanToken[] | undefined {
  assertReady();
  if (text.length === 0) return [];
  try {
    return scanSync(text).tokens;
  } catch {
    // libpg-query reports scanner failures as an unparseable blob without a position; callers locate it.
    return undefined;
  }
}

export function fingerprintSql(text: string): string | undefined {
  assertReady();
  try {
    return fingerprintSync(text);
  } catch {
    return undefined;
  }
}

export function normalizeSql(text: string): string | undefined {
  assertReady();
  // normalizeSync returns a scanner error's message as if it were the normalized query.
  if (!parseSql(text).ok) return undefined;
  try {
    return normalizeSync(text);
  } catch {
    return undefined;
  }
}
