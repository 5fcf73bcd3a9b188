import type { PlanRule } from '../plan-rule.js';
import { executed, nodeFinding, numberOf } from './node-facts.js';

export const parallelWorkersMissing: PlanRule = {
  meta: {
    id: 'parallel-workers-missing',
    group: 'plan',
    category: 'performance',
    defaultSeverity: 'warning',
    summary:
      'A parallel plan launched fewer workers than it planned, so it ran slower than the planner costed it.',
    thresholds: {
      minMissingWorkers: { default: 1, description: 'planned workers that did not launch' },
    },
  },
  check(ctx) {
    return executed(ctx.plan, ctx.metrics).flatMap(({ node }) => {
      const planned = numberOf(node, 'Workers Planned');
      const launched = numberOf(node, 'Workers Launched');
      if (planned === undefined || launched === undefined) return [];
      if (planned - launched < (ctx.thresholds.minMissingWorkers ?? 1)) return [];
      return [
        nodeFinding(node, {
          message: `${node.title} planned ${planned} parallel workers and launched ${launched}: the work below it ran in ${launched + 1} process${launched === 0 ? '' : 'es'} instead of ${planned + 1}.`,
          why: 'Workers come from a shared pool (max_parallel_workers, max_worker_processes); when other queries hold them, the plan runs with fewer processes than it was costed for, and may be the wrong plan for that.',
          help: 'Raise max_parallel_workers (and max_worker_processes) if the server has idle cores, or lower max_parallel_workers_per_gather so plans expect what they get; look for other parallel queries running at the same time.',
          data: { workersPlanned: planned, workersLaunched: launched },
        }),
      ];
    });
  },
};
