import type { DbLibrary } from './db-libraries.js';
import type { ChainLink } from './query-chain.js';
import type { Recognizer } from './recognize-query.js';
import {
  DB_NAME,
  GLOBALS,
  KNEX_STARTS,
  KYSELY_RUNS,
  POSTGRES_JS_TAG,
  PRISMA_NAME,
  PRISMA_READS,
  SEQUELIZE_READS,
  SUPABASE_NAME,
  TYPEORM_BUILDER_RUNS,
  TYPEORM_NAME,
  TYPEORM_READS,
} from './shape-names.js';
import { ts } from './typescript.js';

/**
 * Each client's read calls as shapes over a chain's links (`x.model.findMany(…)`,
 * `knex('t')…`, `…selectFrom(…)…execute()`), each told apart from look-alikes by what the
 * receiver is: its type, what the file bound its name to, or the name itself.
 */

const isCall = (link: ChainLink | undefined): boolean => link?.args !== undefined;
const stringArg = (link: ChainLink | undefined): boolean => {
  const arg = link?.args?.[0];
  return arg !== undefined && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg));
};

/** What the receiver of `links[at]` is: its type when a checker knows it, else what the file bound a name of it to. */
function receiverLibrary(
  r: Recognizer,
  links: readonly ChainLink[],
  at: number,
): DbLibrary | 'other' | undefined {
  const receiver = links[at - 1];
  const typed = receiver && r.typeOf?.(receiver.node);
  if (typed) return typed;
  for (let i = at - 1; i >= 0; i--) {
    const link = links[i] as ChainLink;
    if (!isCall(link) && r.hints.roots.has(link.name)) return r.hints.roots.get(link.name);
  }
  return undefined;
}

type Match = (r: Recognizer, links: readonly ChainLink[], at: number) => DbLibrary | undefined;

const nameBefore = (links: readonly ChainLink[], at: number): string => links[at - 1]?.name ?? '';

/** Each library's read shapes, tried at each link of a chain in this order (Drizzle's `db.query.t.findMany` before Prisma's `x.t.findMany`). */
export const MATCHES: readonly Match[] = [
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (!['findFirst', 'findMany'].includes(link.name) || !isCall(link)) return undefined;
    if (links[at - 2]?.name !== 'query' || isCall(links[at - 2]) || isCall(links[at - 1])) return undefined;
    const known = receiverLibrary(r, links, at - 2);
    return known === 'Drizzle' || (!known && DB_NAME.test(nameBefore(links, at - 2))) ? 'Drizzle' : undefined;
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if ((link.name === '$queryRaw' || link.name === '$queryRawUnsafe') && isCall(link)) return 'Prisma';
    if (!PRISMA_READS.has(link.name) || !isCall(link) || at < 2 || isCall(links[at - 1])) return undefined;
    const known = receiverLibrary(r, links, at - 1);
    return known === 'Prisma' || (!known && PRISMA_NAME.test(nameBefore(links, at - 1)))
      ? 'Prisma'
      : undefined;
  },
  (_r, links, at) =>
    KYSELY_RUNS.has(links[at]?.name ?? '') &&
    links.slice(0, at).some((l) => l.name === 'selectFrom' && isCall(l))
      ? 'Kysely'
      : undefined,
  (r, links, at) => {
    const link = links[at] as ChainLink;
    const shape =
      link.name === 'rpc' ||
      (link.name === 'from' && stringArg(link) && links.slice(at).some((l) => l.name === 'select'));
    if (!shape || !isCall(link) || at === 0) return undefined;
    const known = receiverLibrary(r, links, at);
    return known === 'Supabase' || (!known && SUPABASE_NAME.test(nameBefore(links, at)))
      ? 'Supabase'
      : undefined;
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (!['select', 'selectDistinct'].includes(link.name) || !isCall(link)) return undefined;
    if (!links.slice(at + 1).some((l) => l.name === 'from' && isCall(l))) return undefined;
    const known = receiverLibrary(r, links, at);
    if (known === 'Knex' || known === 'Drizzle') return known;
    if (known || !DB_NAME.test(nameBefore(links, at))) return undefined;
    return nameBefore(links, at) === 'knex' || stringArg(link) || r.hints.imported.has('Knex')
      ? 'Knex'
      : 'Drizzle';
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (link.name !== 'execute' || !isCall(link) || at === 0) return undefined;
    const known = receiverLibrary(r, links, at);
    return known === 'Drizzle' ||
      (!known && r.hints.imported.has('Drizzle') && DB_NAME.test(nameBefore(links, at)))
      ? 'Drizzle'
      : undefined;
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (!isCall(link) || (at > 0 && !KNEX_STARTS.has(link.name))) return undefined;
    const known =
      at === 0 ? (r.typeOf?.(link.node) ?? r.hints.roots.get(link.name)) : receiverLibrary(r, links, at);
    if (at === 0)
      return stringArg(link) && (known === 'Knex' || (!known && /^(?:knex|trx|tx|db)$/.test(link.name)))
        ? 'Knex'
        : undefined;
    const knex = known === 'Knex' || (!known && /^(?:knex|trx)$/.test(nameBefore(links, at)));
    return knex ? 'Knex' : undefined;
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (!isCall(link)) return undefined;
    if (
      TYPEORM_BUILDER_RUNS.has(link.name) &&
      links.slice(0, at).some((l) => l.name === 'createQueryBuilder')
    )
      return 'TypeORM';
    if (!TYPEORM_READS.has(link.name) || at === 0) return undefined;
    const known = receiverLibrary(r, links, at);
    if (known) return known === 'TypeORM' ? 'TypeORM' : undefined;
    const receiver = links[at - 1] as ChainLink;
    if (isCall(receiver)) return receiver.name === 'getRepository' ? 'TypeORM' : undefined;
    const activeRecord = /^[A-Z]/.test(receiver.name) && r.hints.imported.has('TypeORM');
    return TYPEORM_NAME.test(receiver.name) || activeRecord ? 'TypeORM' : undefined;
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (!isCall(link) || at === 0 || !(link.name === 'query' || SEQUELIZE_READS.has(link.name)))
      return undefined;
    const known = receiverLibrary(r, links, at);
    if (link.name === 'query' && (known === 'Sequelize' || (!known && nameBefore(links, at) === 'sequelize')))
      return 'Sequelize';
    if (!SEQUELIZE_READS.has(link.name) || isCall(links[at - 1])) return undefined;
    if (known) return known === 'Sequelize' ? 'Sequelize' : undefined;
    const model = nameBefore(links, at);
    return /^[A-Z]/.test(model) && !GLOBALS.has(model) && !r.hints.notPostgres ? 'Sequelize' : undefined;
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (link.name !== 'query' || !isCall(link) || at === 0) return undefined;
    const arg = link.args?.[0];
    // A GraphQL client's `client.query({ query: … })`.
    if (arg && ts.isObjectLiteralExpression(arg) && arg.properties.some((p) => p.name?.getText() === 'query'))
      return undefined;
    const known = receiverLibrary(r, links, at);
    if (known)
      return known === 'node-postgres' || known === 'postgres.js'
        ? 'node-postgres'
        : known === 'TypeORM' || known === 'Sequelize' || known === 'Kysely'
          ? known
          : undefined;
    if (r.hints.notPostgres || !DB_NAME.test(nameBefore(links, at))) return undefined;
    return 'node-postgres';
  },
  (r, links, at) => {
    const link = links[at] as ChainLink;
    if (at > 0 && !(link.name === 'unsafe' && at === 1)) return undefined;
    if (!(link.tagged || link.name === 'unsafe')) return undefined;
    const tag = links[0] as ChainLink;
    const known = r.typeOf?.(tag.node) ?? r.hints.roots.get(tag.name);
    if (known) return known === 'postgres.js' || known === 'node-postgres' ? known : undefined;
    return POSTGRES_JS_TAG.test(tag.name) ? 'postgres.js' : undefined;
  },
];
