import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import {
  CONFIG_FILE_NAMES,
  DEFAULT_CONFIG,
  type EffectiveConfig,
  TYPESCRIPT_CONFIG_NAMES,
} from './config.js';
import { ConfigError } from './config-error.js';
import { parseJsonConfig } from './parse-json.js';
import { validateConfig } from './validate-config.js';

export interface LoadedConfig {
  /** The config file as given or found; undefined when there is none and defaults apply. */
  readonly file?: string;
  readonly config: EffectiveConfig;
  /** Every problem found; the CLI prints them all and exits with code 2. */
  readonly errors: readonly ConfigError[];
}

export interface LoadConfigOptions {
  /** Every rule pgvigil knows: unknown ids and threshold names are checked against them. */
  readonly rules: readonly RuleMeta[];
}

/** The first of CONFIG_FILE_NAMES present in `dir`, else a TypeScript one (which is then reported). */
export function findConfigFile(dir: string): string | undefined {
  return [...CONFIG_FILE_NAMES, ...TYPESCRIPT_CONFIG_NAMES]
    .map((name) => join(dir, name))
    .find((candidate) => existsSync(candidate));
}

/** The config given with --config, or the one found in `dir`, or the defaults. */
export async function loadProjectConfig(
  dir: string,
  configFile: string | undefined,
  options: LoadConfigOptions,
): Promise<LoadedConfig> {
  const file = configFile ?? findConfigFile(dir);
  return file === undefined ? { config: DEFAULT_CONFIG, errors: [] } : loadConfig(file, options);
}

/** Reads and validates one config file. User mistakes come back in `errors`; this does not throw for them. */
export async function loadConfig(file: string, options: LoadConfigOptions): Promise<LoadedConfig> {
  const raw = await readRawConfig(file);
  if (!raw.ok) return { file, config: DEFAULT_CONFIG, errors: [raw.error] };
  const { config, errors } = validateConfig(raw.value, file, options.rules);
  return { file, config: relativeToConfigFile(config, file), errors };
}

const TYPESCRIPT_EXTENSIONS: ReadonlySet<string> = new Set(['.ts', '.mts', '.cts']);

type RawConfig =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ConfigError };

async function readRawConfig(file: string): Promise<RawConfig> {
  const extension = extname(file);
  if (extension === '.mjs' || extension === '.js') return importConfig(file);
  if (TYPESCRIPT_EXTENSIONS.has(extension))
    return {
      ok: false,
      error: new ConfigError(
        file,
        '',
        'is TypeScript, which Node cannot load without a compiler; rename it to pgvigil.config.mjs (export default { ... }, without type annotations) or write pgvigil.config.json.',
      ),
    };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, error: new ConfigError(file, '', unreadable(error)) };
  }
  return parseJsonConfig(text.replace(/^\uFEFF/, ''), file);
}

async function importConfig(file: string): Promise<RawConfig> {
  if (!existsSync(file))
    return { ok: false, error: new ConfigError(file, '', unreadable({ code: 'ENOENT' })) };
  try {
    const module: { default?: unknown } = await import(pathToFileURL(resolve(file)).href);
    if (module.default !== undefined) return { ok: true, value: module.default };
    return {
      ok: false,
      error: new ConfigError(file, '', 'has no default export; write `export default { ... }`.'),
    };
  } catch (error) {
    return { ok: false, error: new ConfigError(file, '', `could not be loaded: ${errorMessage(error)}`) };
  }
}

function unreadable(error: unknown): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'ENOENT') return 'file not found; check the --config path or create pgvigil.config.json.';
  if (code === 'EISDIR') return 'is a directory; --config takes the config file itself.';
  return `cannot be read: ${errorMessage(error)}`;
}

/** First line only: loader errors can carry a code excerpt, and user errors are one line. */
function errorMessage(error: unknown): string {
  // Not `instanceof Error`: errors thrown by a module loader may come from another realm.
  const message = (error as { message?: unknown } | undefined)?.message;
  return (typeof message === 'string' ? message : String(error)).split('\n')[0] ?? '';
}

/** Paths in the config are relative to the file they are written in, not to where pgvigil runs. */
function relativeToConfigFile(config: EffectiveConfig, file: string): EffectiveConfig {
  const base = dirname(file);
  const fromBase = (path: string) => (isAbsolute(path) ? path : join(base, path));
  return {
    ...config,
    schema: config.schema.map(fromBase),
    ...(config.migrations
      ? { migrations: { ...config.migrations, dir: fromBase(config.migrations.dir) } }
      : {}),
    ...(config.queries ? { queries: fromBase(config.queries) } : {}),
    ...(config.code ? { code: fromBase(config.code) } : {}),
    ...(config.data?.stats ? { data: { ...config.data, stats: fromBase(config.data.stats) } } : {}),
  };
}
