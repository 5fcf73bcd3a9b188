import type { ExplainEngineOptions } from '../../explain/explain-engine.js';
import type { CliArgs } from '../args.js';

/** --rows table=n, --distribution and --stats as explain and advise pass them to the embedded engine. */
export function embeddedDataOptions(
  args: CliArgs,
): Pick<ExplainEngineOptions, 'tableRows' | 'distributions' | 'statsFile'> {
  return {
    ...(args.tableRows && { tableRows: args.tableRows }),
    ...(args.distributions && { distributions: args.distributions }),
    ...(args.stats !== undefined && { statsFile: args.stats }),
  };
}
