import { duration } from './format.js';
import type { HealthResult } from './run-health.js';

/** One line per server checked: which, what version and role, how old its statistics are, whether partial. */
export function describeServers(result: HealthResult): readonly string[] {
  return result.servers.map((server) => {
    const version = `PostgreSQL ${Math.floor(server.serverVersion / 10_000)}`;
    const role = server.inRecovery ? 'replica' : 'primary';
    const stats =
      server.statsAgeSeconds === null
        ? 'statistics never reset'
        : `statistics reset ${duration(server.statsAgeSeconds)} ago`;
    const partial = server.skipped.length > 0 ? ', partial (see require-monitoring-grant)' : '';
    return `checked ${server.target} (${version}, ${role}, ${stats}${partial})`;
  });
}
