import type { Engine } from '../../../src/engine/engine.js';

/**
 * Runs a finding's suggestedSql as a user would paste it: comment lines skipped, each statement on
 * its own (CONCURRENTLY refuses a transaction block), a BEGIN … COMMIT block as one script.
 */
export async function runSuggestedSql(engine: Engine, sql: string | undefined): Promise<void> {
  const lines = (sql ?? '').split('\n').filter((line) => line.trim() !== '' && !line.startsWith('--'));
  let block: string[] | undefined;
  for (const line of lines) {
    if (line === 'BEGIN;') block = [];
    else if (line === 'COMMIT;' && block) {
      await engine.transaction(async (tx) => {
        for (const statement of block ?? []) await tx.exec(statement);
      });
      block = undefined;
    } else if (block) block.push(line);
    else await engine.exec(line);
  }
}

/** The file each relation of the public schema is stored in: a change means a rewrite. */
export async function relfilenodes(engine: Engine): Promise<Readonly<Record<string, string>>> {
  const { rows } = await engine.query<{ relname: string; node: string }>(
    `SELECT relname::text, relfilenode::text AS node FROM pg_class
     WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY relname`,
  );
  return Object.fromEntries(rows.map((row) => [row.relname, row.node]));
}
