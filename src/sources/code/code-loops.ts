/** A loop in source text: where its keyword is and the span its body (or callback) covers. */
export interface CodeLoop {
  readonly kind: string;
  /** Offset of the loop's keyword or method name. */
  readonly start: number;
  readonly bodyStart: number;
  readonly bodyEnd: number;
  /** A `.map` callback passed to Promise.all: every call in it runs, concurrently, once per item. */
  readonly fanOut: boolean;
}

const OPEN: Readonly<Record<string, string>> = { '(': ')', '{': '}', '[': ']' };

/** Offset just past the bracket closing the one at `open` (masked text: no strings or comments). */
export function matching(text: string, open: number): number {
  const stack: string[] = [];
  for (let i = open; i < text.length; i++) {
    const char = text[i] ?? '';
    if (OPEN[char]) stack.push(OPEN[char] ?? '');
    else if (char === stack.at(-1)) {
      stack.pop();
      if (stack.length === 0) return i + 1;
    }
  }
  return text.length;
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (/\s/.test(text[i] ?? '')) i++;
  return i;
}

/** The statement after a loop header: a block, or one statement up to its `;`. */
function bodyAfter(text: string, from: number): number {
  const start = skipSpace(text, from);
  if (text[start] === '{') return matching(text, start);
  for (let i = start; i < text.length; i++) {
    const char = text[i] ?? '';
    if (OPEN[char]) i = matching(text, i) - 1;
    else if (char === ';' || char === '}') return i + 1;
  }
  return text.length;
}

const STATEMENT_LOOP = /(?<![.\w$])(for|while)\s*(?:await\s*)?\(/g;
const DO_LOOP = /(?<![.\w$])do\s*\{/g;
const CALLBACK_LOOP = /\.(forEach|map|flatMap|reduce|filter|some|every|find)\s*\(/g;

/** Loops of masked source text, outermost first where they nest. */
export function findLoops(masked: string): CodeLoop[] {
  const loops: CodeLoop[] = [];
  for (const m of masked.matchAll(STATEMENT_LOOP)) {
    const headerEnd = matching(masked, m.index + m[0].length - 1);
    // `while (...)` closing a do-loop has no body of its own.
    if (m[1] === 'while' && masked[skipSpace(masked, headerEnd)] === ';') continue;
    loops.push({
      kind: m[1] ?? 'for',
      start: m.index,
      bodyStart: m.index,
      bodyEnd: bodyAfter(masked, headerEnd),
      fanOut: false,
    });
  }
  for (const m of masked.matchAll(DO_LOOP)) {
    const open = m.index + m[0].length - 1;
    loops.push({
      kind: 'do',
      start: m.index,
      bodyStart: open,
      bodyEnd: matching(masked, open),
      fanOut: false,
    });
  }
  for (const m of masked.matchAll(CALLBACK_LOOP)) {
    const open = m.index + m[0].length - 1;
    const end = matching(masked, open);
    const args = masked.slice(open, end);
    // Only a function passed inline runs per item here.
    if (!/=>|\bfunction\b/.test(args)) continue;
    const before = masked.slice(Math.max(0, m.index - 400), m.index);
    const fanOut = m[1] === 'map' && /Promise\s*\.\s*(?:all|allSettled)\s*\([^;]*$/.test(before);
    loops.push({ kind: `.${m[1]}`, start: m.index + 1, bodyStart: open, bodyEnd: end, fanOut });
  }
  return loops.sort((a, b) => a.start - b.start);
}
