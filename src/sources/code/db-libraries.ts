/** The client libraries whose calls no-query-in-loop recognises, and each one's way to ask for many keys at once. */
export type DbLibrary =
  | 'node-postgres'
  | 'postgres.js'
  | 'Prisma'
  | 'Drizzle'
  | 'Knex'
  | 'Kysely'
  | 'TypeORM'
  | 'Sequelize'
  | 'Supabase';

export const LIBRARIES: readonly DbLibrary[] = [
  'node-postgres',
  'postgres.js',
  'Prisma',
  'Drizzle',
  'Knex',
  'Kysely',
  'TypeORM',
  'Sequelize',
  'Supabase',
];

export const BATCH_FORM: Readonly<Record<DbLibrary, string>> = {
  'node-postgres': '`WHERE post_id = ANY($1)` with the array of keys as $1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: postgres.js's own interpolation syntax, shown as text.
  'postgres.js': '`WHERE post_id = ANY(${ids})` (postgres.js sends the array as one parameter)',
  Prisma: '`findMany({ where: { postId: { in: ids } } })`',
  Drizzle: '`.where(inArray(table.postId, ids))`',
  Knex: "`.whereIn('post_id', ids)`",
  Kysely: "`.where('post_id', 'in', ids)`",
  TypeORM: '`findBy({ postId: In(ids) })`',
  Sequelize: '`findAll({ where: { postId: ids } })`',
  Supabase: "`.in('post_id', ids)`",
};

/**
 * Clients whose call sends the query at once (a promise); the others build a query that runs only
 * when it is awaited, `.then`-ed or executed, so a builder made in a loop and run once after it is
 * no N+1.
 */
export const EAGER: ReadonlySet<DbLibrary> = new Set(['node-postgres', 'TypeORM', 'Sequelize', 'Kysely']);

/** Import specifiers of each library (a prefix match: `drizzle-orm/pg-core` is Drizzle's). */
export const LIBRARY_MODULES: readonly (readonly [string, DbLibrary])[] = [
  ['pg', 'node-postgres'],
  ['pg-pool', 'node-postgres'],
  ['@neondatabase/serverless', 'node-postgres'],
  ['@vercel/postgres', 'node-postgres'],
  ['postgres', 'postgres.js'],
  ['@prisma/client', 'Prisma'],
  ['.prisma/client', 'Prisma'],
  ['drizzle-orm', 'Drizzle'],
  ['knex', 'Knex'],
  ['kysely', 'Kysely'],
  ['typeorm', 'TypeORM'],
  ['sequelize', 'Sequelize'],
  ['sequelize-typescript', 'Sequelize'],
  ['@supabase/supabase-js', 'Supabase'],
  ['@supabase/postgrest-js', 'Supabase'],
];

export function libraryOfModule(specifier: string): DbLibrary | undefined {
  return LIBRARY_MODULES.find(([name]) => specifier === name || specifier.startsWith(`${name}/`))?.[1];
}

/** Modules whose `.query(…)` or `find…(…)` is not a PostgreSQL call (GraphQL clients, MongoDB). */
export const NOT_POSTGRES_MODULES: readonly string[] = [
  '@apollo/client',
  'apollo-client',
  'urql',
  '@urql/core',
  'graphql-request',
  'mongoose',
  'mongodb',
  '@tanstack/react-query',
];
