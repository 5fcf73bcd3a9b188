import type { LiveFacts } from './live-facts.js';

/**
 * URLs that reach the same database: the same cluster (system identifier, which physical replicas share
 * with their primary) and the same database name. When the role may not read the identifier, only URLs
 * naming the same host, port and database are one group.
 */
export function groupByDatabase(servers: readonly LiveFacts[]): readonly (readonly LiveFacts[])[] {
  const groups = new Map<string, LiveFacts[]>();
  for (const facts of servers) {
    const key =
      facts.systemIdentifier === undefined
        ? `target:${facts.target}`
        : `cluster:${facts.systemIdentifier}/${facts.database.database}`;
    const group = groups.get(key);
    if (group) group.push(facts);
    else groups.set(key, [facts]);
  }
  return [...groups.values()];
}

/** The member whose catalog and table statistics speak for the group: the primary, else the first URL. */
export function primaryOf(group: readonly LiveFacts[]): LiveFacts {
  const primary = group.find((facts) => !facts.database.inRecovery) ?? group[0];
  if (!primary) throw new Error('empty database group');
  return primary;
}
