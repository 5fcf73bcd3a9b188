import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SourceText } from '../sql/positions.js';
import type { AppPool } from './app-pool.js';

/** A Prisma `datasource` block with its URL resolved from .env where it could be. */
export interface PrismaDatasource {
  readonly file: string;
  readonly line: number;
  /** `env("DATABASE_URL")` or the literal. */
  readonly written: string;
  /** Undefined when the environment variable is in no .env file next to the schema or project. */
  readonly url?: string;
  readonly hasDirectUrl: boolean;
}

const ENV_FILES = ['.env', '.env.local', '.env.production'];

function parseEnv(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m?.[1]) values.set(m[1], (m[2] ?? '').replace(/^(['"])(.*)\1$/, '$2'));
  }
  return values;
}

async function envOf(dirs: readonly string[]): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const dir of dirs)
    for (const name of ENV_FILES) {
      const text = await readFile(join(dir, name), 'utf8').catch(() => undefined);
      if (text !== undefined) for (const [k, v] of parseEnv(text)) if (!values.has(k)) values.set(k, v);
    }
  return values;
}

const DATASOURCE = /datasource\s+\w+\s*\{([^}]*)\}/g;
const URL_FIELD = /\burl\s*=\s*(env\(\s*"([^"]+)"\s*\)|"([^"]*)")/;

/** The PostgreSQL datasources of one schema.prisma; `appDir` is where the project's .env lives. */
export async function prismaDatasources(file: string, appDir: string): Promise<PrismaDatasource[]> {
  const text = await readFile(file, 'utf8');
  const env = await envOf([dirname(file), appDir]);
  const source = SourceText.from(text);
  const found: PrismaDatasource[] = [];
  for (const block of text.matchAll(DATASOURCE)) {
    const body = block[1] ?? '';
    if (!/provider\s*=\s*"(?:postgresql|postgres)"/.test(body)) continue;
    const url = URL_FIELD.exec(body);
    if (!url) continue;
    const index = block.index + block[0].indexOf(url[0]);
    const resolved = url[3] ?? (url[2] ? env.get(url[2]) : undefined);
    found.push({
      file,
      line: source.indexToLineColumn(index).line,
      written: url[1] ?? '',
      ...(resolved !== undefined && { url: resolved }),
      hasDirectUrl: /\bdirectUrl\s*=/.test(body),
    });
  }
  return found;
}

/** Prisma's pool: connection_limit in the URL, else num_physical_cpus × 2 + 1 of the app machine. */
export function prismaPool(datasource: PrismaDatasource): AppPool {
  const limit = datasource.url ? /[?&]connection_limit=(\d+)/.exec(datasource.url)?.[1] : undefined;
  return {
    library: 'Prisma',
    file: datasource.file,
    line: datasource.line,
    ...(limit !== undefined ? { size: Number(limit), sizeFrom: 'set' } : { sizeFrom: 'machine default' }),
  };
}
