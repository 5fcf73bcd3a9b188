/** What the clients' read calls and their handles are called: method sets and receiver names. */

export const SETTLE = new Set(['then', 'catch', 'finally']);
export const WRITES = new Set([
  'insert',
  'update',
  'upsert',
  'delete',
  'del',
  'create',
  'createMany',
  'updateMany',
  'deleteMany',
  'save',
  'remove',
  'destroy',
  'bulkCreate',
  'truncate',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'increment',
  'decrement',
  'onConflict',
  'merge',
  'softDelete',
  'restore',
]);
export const PRISMA_READS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);
export const TYPEORM_READS = new Set([
  'find',
  'findOne',
  'findOneBy',
  'findBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exist',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'query',
]);
export const TYPEORM_BUILDER_RUNS = new Set([
  'getOne',
  'getOneOrFail',
  'getMany',
  'getRawOne',
  'getRawMany',
  'getCount',
  'getManyAndCount',
  'getExists',
]);
export const SEQUELIZE_READS = new Set([
  'findByPk',
  'findOne',
  'findAll',
  'findAndCountAll',
  'count',
  'max',
  'min',
  'sum',
]);
/** Built-in objects whose `max`, `count`… are no model's. */
export const GLOBALS = new Set([
  'Math',
  'Object',
  'Array',
  'JSON',
  'Number',
  'String',
  'Date',
  'Promise',
  'Reflect',
  'BigInt',
  'Intl',
  'Map',
  'Set',
  'Buffer',
  'Atomics',
  'Symbol',
]);
export const KNEX_STARTS = new Set(['raw', 'from', 'table', 'first', 'select', 'where']);
export const KYSELY_RUNS = new Set(['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow']);

/** Names people give database handles; matched against the receiver's last name. */
export const DB_NAME =
  /^(?:db|database|pool|client|conn|connection|pg|tx|trx|txn|transaction|sql|knex|prisma|kysely|supabase|drizzle|orm)$|(?:Pool|Client|Db|DB|Database|Conn|Connection|Tx|Trx)$/;
export const PRISMA_NAME = /prisma|^(?:db|tx|database|client)$/i;
export const TYPEORM_NAME =
  /(?:repo|Repo|repository|Repository|Repositories)$|^(?:em|manager|entityManager|dataSource|queryRunner)$/;
export const SUPABASE_NAME = /supabase|^(?:sb|client|db)$/i;
export const POSTGRES_JS_TAG = /^(?:sql|tx|trx|db|pg|postgres)$/;
export const WRITE_SQL = /^\s*(?:insert|update|delete|merge|create|alter|drop|truncate|copy|grant|lock)\b/i;
