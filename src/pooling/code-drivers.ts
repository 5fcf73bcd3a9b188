import { maskCode, matching } from '../sources/code/mask-code.js';
import { SourceText } from '../sql/positions.js';
import { type AppPool, DEFAULT_POOL_SIZES } from './app-pool.js';

/** A postgres.js client: its options decide whether it sends named prepared statements. */
export interface PostgresJsClient {
  readonly line: number;
  readonly column: number;
  readonly prepareOff: boolean;
}

/** A node-postgres query config with a name: a named prepared statement. */
export interface NamedStatement {
  readonly line: number;
  readonly column: number;
  readonly name: string;
}

export interface CodeDrivers {
  readonly pools: readonly AppPool[];
  readonly postgresJs: readonly PostgresJsClient[];
  readonly namedStatements: readonly NamedStatement[];
}

function imports(text: string, module: string): string | undefined {
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const esm = new RegExp(String.raw`import\s+([\w$]+)\s*(?:,\s*\{[^}]*\})?\s*from\s*['"]${escaped}['"]`).exec(
    text,
  );
  const cjs = new RegExp(String.raw`([\w$]+)\s*=\s*require\(\s*['"]${escaped}['"]\s*\)`).exec(text);
  return esm?.[1] ?? cjs?.[1];
}

function importsAny(text: string, modules: readonly string[]): boolean {
  return modules.some((module) => new RegExp(`['"]${module}['"]`).test(text));
}

/** The call's argument text (masked) from its opening parenthesis. */
function argsAt(masked: string, open: number): string {
  return masked.slice(open, matching(masked, open));
}

function sizeIn(args: string, library: string): Pick<AppPool, 'size' | 'sizeFrom'> {
  const literal = /(?:^|[{,\s])max\s*:\s*(\d+)\s*[,}\s]/.exec(args);
  if (literal) return { size: Number(literal[1]), sizeFrom: 'set' };
  if (/(?:^|[{,\s])max\s*:/.test(args)) return { sizeFrom: 'expression' };
  return { size: DEFAULT_POOL_SIZES[library], sizeFrom: 'library default' };
}

/** Top-level keys of an object literal (masked text from its `{`). */
function topLevel(objectText: string): string {
  const inner = objectText.slice(1, -1).split('');
  for (let i = 0; i < inner.length; i++)
    if ('{[('.includes(inner[i] ?? '')) {
      const end = matching(inner.join(''), i);
      for (let j = i; j < end; j++) inner[j] = ' ';
      i = end - 1;
    }
  return inner.join('');
}

/** Pools, postgres.js clients and named node-postgres statements in one JavaScript/TypeScript file. */
export function codeDrivers(file: string, text: string): CodeDrivers {
  const masked = maskCode(text);
  const source = SourceText.from(text);
  const at = (index: number) => source.indexToLineColumn(index);
  const pools: AppPool[] = [];
  const postgresJs: PostgresJsClient[] = [];
  if (importsAny(text, ['pg', 'pg-pool', '@neondatabase/serverless']))
    for (const m of masked.matchAll(/\bnew\s+(?:[\w$]+\s*\.\s*)?Pool\s*\(/g)) {
      const args = argsAt(masked, m.index + m[0].length - 1);
      pools.push({
        library: 'node-postgres',
        file,
        line: at(m.index).line,
        ...sizeIn(args, 'node-postgres'),
      });
    }
  const postgres = imports(text, 'postgres');
  if (postgres)
    for (const m of masked.matchAll(new RegExp(String.raw`(?<![\w$.])${postgres}\s*\(`, 'g'))) {
      const args = argsAt(masked, m.index + m[0].length - 1);
      const { line, column } = at(m.index);
      pools.push({ library: 'postgres.js', file, line, ...sizeIn(args, 'postgres.js') });
      postgresJs.push({ line, column, prepareOff: /\bprepare\s*:\s*false\b/.test(args) });
    }
  const knex = imports(text, 'knex');
  if (knex)
    for (const m of masked.matchAll(new RegExp(String.raw`(?<![\w$.])${knex}\s*\(\s*\{`, 'g'))) {
      const open = masked.indexOf('(', m.index);
      const raw = text.slice(open, matching(masked, open));
      if (!/client\s*:\s*['"](?:pg|postgres|postgresql|pg-native)['"]/.test(raw)) continue;
      const pool = /\bpool\s*:\s*\{[^}]*\}/.exec(argsAt(masked, open))?.[0] ?? '';
      pools.push({ library: 'Knex', file, line: at(m.index).line, ...sizeIn(pool, 'Knex') });
    }
  return { pools, postgresJs, namedStatements: namedStatements(text, masked, at) };
}

function namedStatements(
  text: string,
  masked: string,
  at: (index: number) => { line: number; column: number },
): NamedStatement[] {
  const found: NamedStatement[] = [];
  for (let open = masked.indexOf('{'); open >= 0; open = masked.indexOf('{', open + 1)) {
    const keys = topLevel(masked.slice(open, matching(masked, open)));
    const name = /(?:^|[,\s])name\s*:\s*(['"`])/.exec(keys);
    if (!name || !/(?:^|[,\s])text\s*:/.test(keys)) continue;
    const quote = open + 1 + name.index + name[0].length - 1;
    const close = masked.indexOf(masked[quote] ?? "'", quote + 1);
    found.push({ ...at(open), name: text.slice(quote + 1, close) });
  }
  return found;
}
