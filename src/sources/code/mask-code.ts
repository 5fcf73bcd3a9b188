/**
 * JavaScript/TypeScript text with the insides of comments, strings, templates and regular
 * expression literals blanked (newlines kept), so patterns over code never match text in them and
 * offsets and lines stay those of the file. Quotes stay: `.from('posts')` still reads as a call on
 * a string. A lexer, not a parser: enough for the pool checks' look at client options
 * (no-query-in-loop reads code with the TypeScript parser instead).
 */
export function maskCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number): void => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  let i = 0;
  // Whether a `/` here starts a regular expression rather than a division.
  let regexAllowed = true;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1];
    if (char === '/' && next === '/') {
      const end = text.indexOf('\n', i);
      const stop = end < 0 ? text.length : end;
      blank(i, stop);
      i = stop;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (char === '"' || char === "'" || char === '`') {
      const stop = closing(text, i + 1, char);
      blank(i + 1, stop - 1);
      i = stop;
      regexAllowed = false;
    } else if (char === '/' && regexAllowed) {
      const stop = regexEnd(text, i + 1);
      blank(i + 1, stop - 1);
      i = stop;
      regexAllowed = false;
    } else {
      if (/[\w$)\]]/.test(char))
        regexAllowed = /\b(?:return|typeof|case|do|else|in|of|yield|await)$/.test(
          text.slice(Math.max(0, i - 6), i + 1),
        );
      else if (!/\s/.test(char)) regexAllowed = true;
      i++;
    }
  }
  return out.join('');
}

/** Index just past the quote closing a string or template that starts at `from`. */
function closing(text: string, from: number, quote: string): number {
  let i = from;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === quote) return i + 1;
    // An unterminated ordinary string ends at the line; a template may span lines.
    else if (char === '\n' && quote !== '`') return i;
    else i++;
  }
  return text.length;
}

function regexEnd(text: string, from: number): number {
  let i = from;
  let inClass = false;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\') i += 2;
    else if (char === '\n') return i;
    else {
      if (char === '[') inClass = true;
      else if (char === ']') inClass = false;
      else if (char === '/' && !inClass) return i + 1;
      i++;
    }
  }
  return text.length;
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
