import type { RuleSettings } from '../config/rule-settings.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describeServers } from '../live/describe-servers.js';
import { runHealth } from '../live/run-health.js';
import type { ReportPlan } from '../reporters/report.js';
import { runTop } from '../top/run-top.js';
import type { AdviceOptions } from '../top/top-advice.js';
import { TopError } from '../top/top-error.js';

export interface DashboardInput {
  /** Every database to check; the first also gives the top statements. */
  readonly urls: readonly string[];
  readonly settings: ReadonlyMap<string, RuleSettings>;
  readonly timeoutMs: number;
  readonly topLimit: number;
  readonly advice: AdviceOptions;
}

/** One refresh of the dashboard: what health and top found, with the plans behind the top statements. */
export interface DashboardView {
  readonly diagnostics: readonly Diagnostic[];
  readonly plans: readonly ReportPlan[];
  /** Plain lines for the page's header: servers checked, top's window, what was skipped. */
  readonly notes: readonly string[];
  readonly servers: number;
}

const LABEL_LENGTH = 120;

function label(rank: number, query: string): string {
  const oneLine = query.replace(/\s+/g, ' ').trim();
  return `#${rank} ${oneLine.length > LABEL_LENGTH ? `${oneLine.slice(0, LABEL_LENGTH)}…` : oneLine}`;
}

async function topPart(input: DashboardInput) {
  try {
    const top = await runTop({
      db: input.urls[0] ?? '',
      sort: 'total',
      limit: input.topLimit,
      timeoutMs: input.timeoutMs,
      settings: input.settings,
      advice: input.advice,
    });
    const plans = top.ranked.flatMap((ranked): ReportPlan[] => {
      const outcome = top.plans.get(ranked.rank);
      if (!outcome?.plan) return [];
      return [
        {
          label: label(ranked.rank, ranked.entry.query),
          mode: outcome.mode ?? 'estimated',
          plan: outcome.plan,
        },
      ];
    });
    return { diagnostics: top.diagnostics, plans, notes: [`Top statements ${top.window}.`, ...top.notes] };
  } catch (error) {
    // No pg_stat_statements is no reason to hide the health checks: the page says how to enable it.
    if (error instanceof TopError) return { diagnostics: [], plans: [], notes: [error.userMessage] };
    throw error;
  }
}

/**
 * Health of every database, then the first one's top statements, one after the other: the
 * dashboard adds at most one read-only session per database to the servers it watches.
 */
export async function collectDashboard(input: DashboardInput): Promise<DashboardView> {
  const health = await runHealth(input.urls, {
    settings: input.settings,
    statementTimeoutMs: input.timeoutMs,
  });
  const top = await topPart(input);
  return {
    diagnostics: [...health.diagnostics, ...top.diagnostics],
    plans: top.plans,
    notes: [...describeServers(health), ...top.notes],
    servers: health.servers.length,
  };
}
