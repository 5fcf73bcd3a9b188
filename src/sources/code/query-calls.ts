/** A database call in source text, by the client library it looks like. */
export interface QueryCall {
  readonly library: string;
  /** Offset where the call's expression starts (its receiver). */
  readonly start: number;
  readonly end: number;
}

const ID = String.raw`[A-Za-z_$][\w$]*`;
const CHAIN = String.raw`${ID}(?:\s*\.\s*${ID})*`;
const STRING_ARG = String.raw`\(\s*(['"\`])\s*\1\s*\)`;

/**
 * How each client library's query calls look. Reads and the raw query call only: a write in a loop
 * is a different problem (a bulk insert), and builders run only when awaited.
 */
const PATTERNS: readonly { readonly library: string; readonly pattern: RegExp }[] = [
  // node-postgres, mysql-style clients, TypeORM's manager.query, Sequelize's sequelize.query.
  {
    library: 'node-postgres',
    pattern: new RegExp(String.raw`${CHAIN}\s*\.\s*query\s*(?:<(?:[^<>]|<[^<>]*>)*>)?\s*\(`, 'g'),
  },
  { library: 'postgres.js', pattern: /\bawait\s+(?:sql|tx|db)\s*`/g },
  {
    library: 'Prisma',
    pattern: new RegExp(
      String.raw`${ID}\s*\.\s*${ID}\s*\.\s*(?:findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findMany|count|aggregate|groupBy)\s*\(`,
      'g',
    ),
  },
  {
    library: 'Drizzle',
    pattern: new RegExp(String.raw`${CHAIN}\s*\.\s*select(?:Distinct)?\s*\([^;]*?\)\s*\.\s*from\s*\(`, 'g'),
  },
  {
    library: 'Knex',
    pattern: /\b(?:knex|trx)\s*(?:\(\s*(['"`])\s*\1|\.\s*(?:select|from|table|raw|first)\s*\()/g,
  },
  { library: 'Kysely', pattern: new RegExp(String.raw`${CHAIN}\s*\.\s*selectFrom\s*\(`, 'g') },
  {
    library: 'Supabase',
    pattern: new RegExp(String.raw`${CHAIN}\s*\.\s*from\s*${STRING_ARG}\s*\.\s*select\s*\(`, 'g'),
  },
  {
    library: 'TypeORM/Sequelize',
    pattern: new RegExp(
      String.raw`${CHAIN}\s*\.\s*(?:findOne|findOneBy|findOneOrFail|findBy|findAll|findByPk|findAndCountAll)\s*\(`,
      'g',
    ),
  },
];

/** Every query call in masked source text, one per expression, in text order. */
export function findQueryCalls(masked: string): QueryCall[] {
  const calls: QueryCall[] = [];
  for (const { library, pattern } of PATTERNS) {
    for (const m of masked.matchAll(pattern)) {
      const start =
        m.index + (m[0].startsWith('await') ? m[0].indexOf(m[0].trim().split(/\s+/)[1] ?? '') : 0);
      calls.push({ library, start, end: m.index + m[0].length });
    }
  }
  calls.sort((a, b) => a.start - b.start || b.end - a.end);
  // One chain can match two libraries' shapes (Drizzle's db.query.x.findMany is Prisma-like): keep the first.
  return calls.filter(
    (call, i) => !calls.slice(0, i).some((other) => call.start < other.end && other.start < call.end),
  );
}
