import { createColors } from 'picocolors';
import { ms } from '../rules/plan/node-facts.js';
import { renderPlanTree } from './plan-tree.js';
import type { ExplainedPlan, ExplainResult } from './run-explain.js';

const MODE_NOTES: Readonly<Record<ExplainedPlan['mode'], string>> = {
  analyzed: 'EXPLAIN (ANALYZE, BUFFERS): run and measured, then rolled back',
  generic:
    'generic plan: the query has $n parameters, so it was planned without values and not run (estimates only; give values inline to measure it)',
  'read-only': 'planned, not run: the --db session is read-only, so writes are only planned (estimates only)',
  estimated: 'planned, not run (estimates only)',
  file: 'read from the plan file',
};

function heading(explained: ExplainedPlan): string {
  const { plan } = explained;
  const times = [
    plan.executionMs === undefined ? undefined : `execution ${ms(plan.executionMs)}`,
    plan.planningMs === undefined ? undefined : `planning ${ms(plan.planningMs)}`,
  ].filter((part) => part !== undefined);
  return `${explained.label ? `${explained.label}  ` : ''}${MODE_NOTES[explained.mode]}${times.length ? ` · ${times.join(', ')}` : ''}`;
}

/** What the terminal shows before the findings: how the plans were made, and each plan as a tree. */
export function renderExplainPreface(result: ExplainResult, color: boolean): string {
  const colors = createColors(color);
  const blocks = result.explained.map((explained) =>
    [colors.bold(heading(explained)), ...renderPlanTree(explained.plan, color)].join('\n'),
  );
  const notes = result.notes.map((note) => colors.dim(note));
  return `${[...(notes.length ? [notes.join('\n')] : []), ...blocks].join('\n\n')}\n\n`;
}
