import { type CodeLoop, findLoops } from './code-loops.js';
import { maskCode } from './mask-code.js';
import { findQueryCalls, type QueryCall } from './query-calls.js';

/** A query call that runs once per iteration of a loop. */
export interface QueryInLoop {
  readonly library: string;
  readonly loopKind: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
  readonly loopLine: number;
  /** The call's source text, first line. */
  readonly call: string;
}

function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Awaited in its own statement: the text back to the statement's start says `await`. */
function awaited(masked: string, call: QueryCall): boolean {
  let i = call.start - 1;
  while (i >= 0 && !';{}'.includes(masked[i] ?? '')) i--;
  return /\bawait\b/.test(masked.slice(i + 1, call.start));
}

/**
 * Database calls inside loops of one JavaScript or TypeScript file: each runs once per item, an N+1
 * by construction. A call counts when it is awaited in the loop, or fanned out by Promise.all over
 * a `.map` callback; the innermost loop is the one reported.
 */
export function findQueriesInLoops(text: string): QueryInLoop[] {
  const masked = maskCode(text);
  const loops = findLoops(masked);
  const found: QueryInLoop[] = [];
  for (const call of findQueryCalls(masked)) {
    const around = loops.filter((loop: CodeLoop) => loop.bodyStart <= call.start && call.end <= loop.bodyEnd);
    const loop = around.at(-1);
    if (!loop || !(awaited(masked, call) || around.some((l) => l.fanOut))) continue;
    const { line, column } = lineOf(text, call.start);
    found.push({
      library: call.library,
      loopKind: loop.kind,
      line,
      column,
      loopLine: lineOf(text, loop.start).line,
      call: (text.slice(call.start, call.end).split('\n')[0] ?? '').trim(),
    });
  }
  return found;
}
