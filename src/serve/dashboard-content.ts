import { renderHtml } from '../reporters/html.js';
import { renderJson } from '../reporters/json.js';
import type { Report } from '../reporters/report.js';
import { allRuleMetas } from '../rules/registry.js';
import type { DashboardView } from './collect-dashboard.js';
import type { DashboardContent } from './dashboard-server.js';
import type { Snapshot } from './snapshot-cache.js';

export interface PageFacts {
  readonly watching: string;
  readonly refreshSeconds: number;
  readonly version: string;
}

function reportOf(view: DashboardView | undefined, version: string): Report {
  return {
    diagnostics: view?.diagnostics ?? [],
    rules: allRuleMetas,
    sources: new Map(),
    filesChecked: view?.servers ?? 0,
    tool: { name: 'pgvigil', version },
    plans: view?.plans ?? [],
  };
}

/**
 * The page and the JSON for the latest snapshot. A failed refresh is said at the top, above the last
 * good snapshot, so a dashboard left open shows that the database stopped answering.
 */
export function dashboardContent(
  latest: { readonly snapshot?: Snapshot<DashboardView>; readonly error?: Error },
  facts: PageFacts,
): DashboardContent {
  const { snapshot, error } = latest;
  const report = reportOf(snapshot?.value, facts.version);
  const when = snapshot
    ? `Checked at ${snapshot.takenAt.toISOString()}; refreshes every ${facts.refreshSeconds} s. Read-only.`
    : 'No snapshot yet.';
  const notes = [
    ...(error ? [`The last refresh failed: ${error.message}`] : []),
    when,
    ...(snapshot?.value.notes ?? []),
  ];
  const json = JSON.parse(renderJson(report)) as Record<string, unknown>;
  return {
    html: renderHtml(report, { heading: `pgvigil dashboard: ${facts.watching}`, notes, unit: 'database' }),
    json: `${JSON.stringify({ ...json, takenAt: snapshot?.takenAt.toISOString() ?? null, error: error?.message ?? null, notes }, null, 2)}\n`,
  };
}
