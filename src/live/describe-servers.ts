import { duration } from './format.js';
import type { Connections, HealthResult } from './run-health.js';

function connectionsLine(connections: Connections): string {
  const states = Object.entries(connections.byState)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([state, count]) => `${state} ${count}`)
    .join(', ');
  const waiting = `${connections.waiting} waiting for a lock`;
  return `  connections: ${connections.used} of ${connections.usable} in use${states ? ` (${states})` : ''}; ${waiting}`;
}

/**
 * Per server checked: which, what version and role, how old its statistics are, whether partial;
 * then its connections by state and how many sessions wait for a lock.
 */
export function describeServers(result: HealthResult): readonly string[] {
  return result.servers.flatMap((server) => {
    const version = `PostgreSQL ${Math.floor(server.serverVersion / 10_000)}`;
    const role = server.inRecovery ? 'replica' : 'primary';
    const stats =
      server.statsAgeSeconds === null
        ? 'statistics never reset'
        : `statistics reset ${duration(server.statsAgeSeconds)} ago`;
    const partial = server.skipped.length > 0 ? ', partial (see require-monitoring-grant)' : '';
    return [
      `checked ${server.target} (${version}, ${role}, ${stats}${partial})`,
      connectionsLine(server.connections),
    ];
  });
}
