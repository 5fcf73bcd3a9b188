import { readFile } from 'node:fs/promises';
import { StatsError } from './stats-error.js';
import { STATS_FORMAT, STATS_FORMAT_VERSION, type StatsFile } from './stats-file.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first thing wrong with a parsed stats file, in words; undefined when it is usable. */
function problem(value: unknown): string | undefined {
  if (!isRecord(value) || value.format !== STATS_FORMAT)
    return `not a pgvigil stats file (no "format": "${STATS_FORMAT}"); write one with pgvigil stats export --db URL -o stats.json`;
  if (value.version !== STATS_FORMAT_VERSION)
    return `stats format version ${String(value.version)}, this pgvigil reads version ${STATS_FORMAT_VERSION}; export again with this pgvigil`;
  if (!Array.isArray(value.tables)) return '"tables" is not a list';
  for (const [i, table] of value.tables.entries()) {
    if (!isRecord(table) || typeof table.schema !== 'string' || typeof table.name !== 'string')
      return `tables[${i}] has no schema and name`;
    if (typeof table.reltuples !== 'number' || typeof table.relpages !== 'number')
      return `tables[${i}] (${String(table.name)}) has no numeric relpages and reltuples`;
    if (
      !Array.isArray(table.columns) ||
      table.columns.some((c) => !isRecord(c) || typeof c.name !== 'string')
    )
      return `tables[${i}] (${String(table.name)}) has a column without a name`;
  }
  return undefined;
}

/** Reads a file written by `pgvigil stats export`; a StatsError names the file and what is wrong. */
export async function readStatsFile(file: string): Promise<StatsFile> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new StatsError(
      error.code === 'ENOENT'
        ? `--stats ${file}: not found; check the path.`
        : `--stats ${file}: cannot read it (${error.message}).`,
    );
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StatsError(`--stats ${file}: not JSON (${(error as Error).message}).`);
  }
  const wrong = problem(value);
  if (wrong !== undefined) throw new StatsError(`--stats ${file}: ${wrong}.`);
  return value as StatsFile;
}
