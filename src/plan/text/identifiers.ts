/** Splits on a separator outside double quotes and parentheses: "a.b", "x, f(y, z)". */
export function splitOutside(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && text.startsWith(separator, i)) {
      parts.push(current);
      current = '';
      i += separator.length - 1;
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts;
}

/** An identifier as EXPLAIN's JSON gives it: without the quotes the text format adds. */
export function unquote(identifier: string): string {
  return /^".*"$/.test(identifier) ? identifier.slice(1, -1).replace(/""/g, '"') : identifier;
}
