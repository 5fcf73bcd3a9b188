import { packageVersion } from '../cli/version.js';
import { databaseLabel } from '../live/database-label.js';
import { isLoopback, newAccessToken } from './access-token.js';
import { collectDashboard, type DashboardInput } from './collect-dashboard.js';
import { dashboardContent } from './dashboard-content.js';
import { type RunningDashboard, startDashboard } from './dashboard-server.js';
import { SnapshotCache } from './snapshot-cache.js';

export const DEFAULT_SERVE_HOST = '127.0.0.1';
export const DEFAULT_SERVE_PORT = 8432;
/** Health and top take seconds on a big catalog; refreshing faster would only add load. */
export const DEFAULT_REFRESH_MS = 30_000;

export interface ServeOptions extends DashboardInput {
  readonly host: string;
  readonly port: number;
  readonly refreshMs: number;
}

export interface RunningServe extends RunningDashboard {
  /** Whether the dashboard demands its token (bound to an address other machines can reach). */
  readonly tokenRequired: boolean;
}

/**
 * `pgvigil serve`: a local dashboard over the live checks. Binds loopback by default; bound anywhere
 * else, it requires a random token, printed once in the URL it returns.
 */
export async function startServe(options: ServeOptions): Promise<RunningServe> {
  const cache = new SnapshotCache(() => collectDashboard(options), options.refreshMs);
  const token = isLoopback(options.host) ? undefined : newAccessToken();
  const refreshSeconds = Math.max(1, Math.round(options.refreshMs / 1000));
  const facts = {
    watching: options.urls.map(databaseLabel).join(', '),
    refreshSeconds,
    version: packageVersion(),
  };
  const dashboard = await startDashboard({
    host: options.host,
    port: options.port,
    ...(token && { token }),
    refreshSeconds,
    content: async () => dashboardContent(await cache.current(), facts),
  });
  return { ...dashboard, tokenRequired: token !== undefined };
}
