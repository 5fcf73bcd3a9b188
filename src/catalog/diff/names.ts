// Lower-case identifiers Postgres prints bare; anything else it double-quotes.
const BARE_IDENTIFIER = /^[a-z_][a-z0-9_$]*$/;

/** Quotes an identifier for display the way quote_ident does (keywords aside). */
export function quoteIdentifier(name: string): string {
  return BARE_IDENTIFIER.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

export function qualify(schema: string, name: string): string {
  return `${quoteIdentifier(schema)}.${quoteIdentifier(name)}`;
}

export function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function list(items: readonly string[]): string {
  return `(${items.join(', ')})`;
}
