/**
 * The same connection URL pointing at another database. Works on URLs the WHATWG parser rejects
 * (postgres://user@/db?host=/socket), which node-postgres accepts.
 */
export function urlForDatabase(url: string, database: string): string {
  const path = `/${encodeURIComponent(database)}`;
  const replaced = url.replace(
    /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?/i,
    (_, authority: string) => authority + path,
  );
  if (replaced === url && !url.includes(path))
    throw new Error(`not a postgres:// URL: cannot derive a database URL`);
  return replaced;
}
