import { readFileSync } from 'node:fs';
import type { ESLint, Linter } from 'eslint';
import { noQueryInLoopRule } from './no-query-in-loop.js';

export type { NoQueryInLoopOptions } from './no-query-in-loop.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/**
 * The pgvigil ESLint plugin (flat config): `import pgvigil from 'pgvigil/eslint-plugin'`, then
 * `pgvigil.configs.recommended` or `plugins: { pgvigil }` with `'pgvigil/no-query-in-loop': 'warn'`.
 * Imports nothing of ESLint at run time.
 */
const plugin = {
  meta: { name: 'pgvigil', version },
  rules: { 'no-query-in-loop': noQueryInLoopRule },
  configs: {} as Record<'recommended', Linter.Config>,
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: 'pgvigil/recommended',
  plugins: { pgvigil: plugin },
  rules: { 'pgvigil/no-query-in-loop': 'warn' },
};

export default plugin;
