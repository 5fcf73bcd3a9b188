import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { docsUrl } from '../diagnostics/rule-meta.js';
import { poolSizeRecommendation } from '../rules/pooling/pool-size-recommendation.js';
import { requirePoolSizeWithinMaxConnections } from '../rules/pooling/require-pool-size-within-max-connections.js';
import type { AppPool } from './app-pool.js';
import { breaksSessions, type PoolerDetection } from './pooler-detection.js';
import type { ServerConnections } from './server-connections.js';

export interface SizingInput {
  readonly pools: readonly AppPool[];
  readonly instances: number;
  readonly server?: ServerConnections;
  readonly serverCores?: number;
  readonly detection: PoolerDetection;
  readonly connectionsPerCore?: number;
}

/** Headroom over the observed peak when the core count is unknown, and the smallest pool worth having. */
const PEAK_HEADROOM = 2;
const MIN_POOL = 2;
const CONNECTIONS_PER_CORE = poolSizeRecommendation.thresholds?.connectionsPerCore?.default ?? 2;

function poolList(pools: readonly AppPool[]): string {
  return pools.map((p) => `${p.library} ${p.file}:${p.line} = ${p.size ?? '?'} (${p.sizeFrom})`).join('; ');
}

function poolData(pools: readonly AppPool[]) {
  return pools.map((p) => ({
    library: p.library,
    file: p.file,
    line: p.line,
    size: p.size ?? null,
    sizeFrom: p.sizeFrom,
  }));
}

/**
 * The pool-size findings: whether the pools fit under the server's limit, and the size to use,
 * with the reasoning spelled out (the core rule of thumb, the observed peak, the limit).
 */
export function poolSizing(input: SizingInput): Diagnostic[] {
  const { pools, instances, server, serverCores } = input;
  const perCore = input.connectionsPerCore ?? CONNECTIONS_PER_CORE;
  const perInstance = pools.reduce((sum, p) => sum + (p.size ?? 0), 0);
  const total = perInstance * instances;
  const unsized = pools.filter((p) => p.size === undefined);
  const pooled = breaksSessions(input.detection);
  const clientLimit = Number(input.detection.settings?.max_client_conn ?? Number.NaN);
  const findings: Diagnostic[] = [];
  const limit = pooled ? clientLimit : server?.available;
  const limitName = pooled ? "the pooler's max_client_conn" : 'max_connections minus reserved connections';
  const common = {
    pools: poolData(pools),
    instances,
    perInstance,
    total,
    ...(server && { ...server }),
  };
  if (limit !== undefined && Number.isFinite(limit) && pools.length > 0 && total > limit)
    findings.push({
      rule: requirePoolSizeWithinMaxConnections.id,
      category: 'pooling',
      severity: requirePoolSizeWithinMaxConnections.defaultSeverity,
      message: `The application pools can open ${total} connections (${perInstance} per instance × ${instances}), more than ${limitName} (${limit}).`,
      why: `Once ${limit} are open, new connections fail with "too many connections" (or wait at the pooler), usually at the worst moment: a deploy doubling the instances or a traffic spike. Pools: ${poolList(pools)}.`,
      help: pooled
        ? 'Lower the pools or raise max_client_conn in pgbouncer.ini; the server side is bounded by default_pool_size anyway.'
        : 'Lower each pool so the sum fits with room for deploys (old and new instances overlap), or put a transaction-mode pooler such as PgBouncer in front.',
      data: { ...common, limit },
      docsUrl: docsUrl(requirePoolSizeWithinMaxConnections.id),
    });
  if (!server && serverCores === undefined) return findings;
  const reasons: string[] = [];
  const candidates: number[] = [];
  const coreRule = serverCores !== undefined ? serverCores * perCore : undefined;
  if (coreRule !== undefined) {
    reasons.push(
      `${serverCores} server cores × ${perCore} = ${coreRule} connections keep the CPUs busy; more only queue inside PostgreSQL`,
    );
    candidates.push(coreRule);
  } else
    reasons.push(
      `server cores unknown (SQL cannot see them; pass --server-cores): no core-count bound applied`,
    );
  if (server) {
    const share = Math.floor(server.available / instances);
    reasons.push(
      `${server.available} connections available (max_connections ${server.maxConnections} − ${server.reserved} reserved) ÷ ${instances} instance(s) = ${share} each`,
    );
    candidates.push(share);
    reasons.push(
      `observed peak of ${server.peakActive} working connection(s) over ${server.samples} samples of pg_stat_activity (${server.connectedNow} connected now)${server.hiddenStates > 0 ? `; ${server.hiddenStates} backend state(s) hidden from this role (grant pg_monitor to see them)` : ''}`,
    );
  }
  const peakEach = server ? Math.ceil(server.peakActive / instances) : 0;
  // Without the core count, the observed peak (with headroom) stands in for it.
  const fromPeak = coreRule === undefined ? Math.max(MIN_POOL, peakEach * PEAK_HEADROOM) : undefined;
  if (fromPeak !== undefined)
    reasons.push(
      `without the core count, ${PEAK_HEADROOM} × the observed peak per instance (${peakEach}), at least ${MIN_POOL}: ${fromPeak}`,
    );
  const recommended = Math.max(1, Math.min(...candidates, fromPeak ?? Number.POSITIVE_INFINITY));
  if (peakEach > recommended)
    reasons.push(
      `the observed peak (${peakEach} per instance) is above it: work already queues on the server, more connections would not add throughput`,
    );
  const target = pooled ? "the pooler's server-side pool (default_pool_size)" : "each instance's pool";
  findings.push({
    rule: poolSizeRecommendation.id,
    category: 'pooling',
    severity: poolSizeRecommendation.defaultSeverity,
    message: `Recommended size for ${target}: ${recommended} connection(s)${pools.length > 0 ? `; the pools found open ${perInstance} per instance` : ''}.`,
    why: `${reasons.join('; ')}.${unsized.length > 0 ? ` Sizes not known: ${poolList(unsized)}.` : ''}`,
    help: pooled
      ? `Set default_pool_size to about ${recommended}; application pools behind the pooler may stay larger, they hold client connections only.`
      : `Set each pool's maximum to about ${recommended}; a smaller pool with a short queue beats a large one when the database is the bottleneck.`,
    data: {
      ...common,
      recommended,
      coreRule: coreRule ?? null,
      serverCores: serverCores ?? null,
      connectionsPerCore: perCore,
    },
    docsUrl: docsUrl(poolSizeRecommendation.id),
  });
  return findings;
}
