import { type LogOptions, readLog } from '../sources/logs/read-log.js';
import type { OpenEventSource } from './analyze-logs.js';
import { LogPlanFindings } from './log-plans.js';

/** A PostgreSQL log as an event source; the plans auto_explain logged in it are judged on the way. */
export function logSource(file: string, options: LogOptions = {}): OpenEventSource {
  return async (settings) => {
    const plans = new LogPlanFindings(settings);
    const { batches, summary } = await readLog(file, {
      ...options,
      onPlan: (plan) => plans.add({ file, ...plan }),
    });
    return {
      file,
      batches,
      skipped: () => summary().skipped,
      broken: () => summary().broken,
      findings: () => plans.findings(),
    };
  };
}
