import { planFromJson } from './json-plan.js';
import type { Plan } from './model.js';
import { PlanFormatError } from './plan-error.js';
import { cleanPlanLines, joinedText } from './text/clean-lines.js';
import { textToJson } from './text/parse-text.js';

/** The 1-based line of a character offset in a text. */
function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const line = position === undefined ? undefined : lineAt(text, Number(position));
    throw new PlanFormatError(
      `the plan looks like JSON but does not parse${line ? ` (line ${line})` : ''}: ${(error as Error).message}. Paste the whole output of EXPLAIN (FORMAT JSON).`,
      line,
    );
  }
}

/**
 * A plan from what EXPLAIN printed: its JSON format, or the text format as psql, pgAdmin or a log
 * (auto_explain) show it. Throws PlanFormatError, with the line, for anything else.
 */
export function parsePlan(input: string): Plan {
  const lines = cleanPlanLines(input);
  if (lines.length === 0) throw new PlanFormatError('the plan is empty: paste the output of EXPLAIN.');
  const text = joinedText(lines);
  if (/^[[{]/.test(text)) return planFromJson(parseJson(text));
  return planFromJson(textToJson(lines));
}
