import type { MigrationFormat } from '../sources/migrations/migration.js';

/**
 * Tools that apply every pending migration in one transaction by default, as each documents it:
 * for them a "later migration" commits apart from this one only when it is deployed apart.
 */
const ONE_TRANSACTION: Partial<Readonly<Record<MigrationFormat, string>>> = {
  drizzle: 'drizzle-kit migrate runs every pending migration in one transaction',
  'node-pg-migrate':
    'node-pg-migrate runs every pending migration in one transaction unless given --no-single-transaction',
};

/** A sentence to add to advice that moves a statement to a later migration; empty for other tools. */
export function deployApartCaveat(format: MigrationFormat): string {
  const how = ONE_TRANSACTION[format];
  return how ? ` A later migration helps only if it is deployed on its own: ${how}.` : '';
}
