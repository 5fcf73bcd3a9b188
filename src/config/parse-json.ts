import { ConfigError } from './config-error.js';

export type ParsedJson =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: ConfigError };

/** JSON.parse, with V8's character offset turned into the line and column an editor shows. */
export function parseJsonConfig(text: string, file: string): ParsedJson {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(message)?.[1];
    const at =
      offset !== undefined ? Number(offset) : /end of JSON input/.test(message) ? text.length : undefined;
    const reason = message
      .replace(/,? ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '')
      .replace(/ \(line \d+ column \d+\)$/, '');
    const problem = `invalid JSON: ${reason}. JSON allows no comments and no trailing commas.`;
    return {
      ok: false,
      error: new ConfigError(file, '', problem, at === undefined ? undefined : lineAndColumn(text, at)),
    };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
