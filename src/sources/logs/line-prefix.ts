/**
 * log_line_prefix as a regular expression. Escapes the server fills with free text (user, database,
 * application) match lazily; the ones that identify the connection are captured.
 */
const TIMESTAMP = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`;
const ZONE = '(?: [A-Za-z0-9+:/_-]+)?';

const ESCAPES: Readonly<Record<string, string>> = {
  m: `(?<at>${TIMESTAMP}\\.\\d{3})${ZONE}`,
  t: `${TIMESTAMP}${ZONE}`,
  s: `${TIMESTAMP}${ZONE}`,
  n: String.raw`(?<at>\d+\.\d+)`,
  p: String.raw`(?<pid>\d+)`,
  c: String.raw`(?<session>[0-9a-f]+\.[0-9a-f]+)`,
  l: String.raw`\d+`,
  x: String.raw`\d+`,
  v: String.raw`(?:\d+/\d+)?`,
  e: '[0-9A-Z]{5}',
  Q: String.raw`-?\d+`,
  P: String.raw`(?:\d+)?`,
  u: '.*?',
  d: '.*?',
  a: '.*?',
  h: '.*?',
  r: '.*?',
  i: '.*?',
  b: '.*?',
  L: '.*?',
};

const SEVERITIES =
  'LOG|ERROR|WARNING|FATAL|PANIC|DETAIL|HINT|STATEMENT|CONTEXT|NOTICE|INFO|QUERY|LOCATION|DEBUG[1-5]?';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The regular expression of a prefix; %q makes the rest optional (background processes stop there). */
function prefixPattern(prefix: string): string {
  let out = '';
  let optionalTail = false;
  let hasTime = false;
  for (let i = 0; i < prefix.length; i++) {
    const char = prefix[i] ?? '';
    if (char !== '%' || i === prefix.length - 1) {
      out += escapeRegExp(char);
      continue;
    }
    // Padding such as %-10u: the width only adds spaces.
    const spec = /^-?\d*([a-zA-Z%])/.exec(prefix.slice(i + 1));
    const letter = spec?.[1] ?? '';
    i += spec?.[0].length ?? 0;
    if (letter === '%') out += '%';
    else if (letter === 'q') {
      out += '(?:';
      optionalTail = true;
    } else {
      // A prefix with %m and %n both: only the first captures the time (group names are unique).
      const pattern = ESCAPES[letter] ?? '.*?';
      const timed = pattern.includes('(?<at>');
      out += `${timed && hasTime ? pattern.replace('(?<at>', '(?:') : pattern}\\s*`;
      hasTime ||= timed;
    }
  }
  return optionalTail ? `${out})?` : out;
}

/** A compiled log_line_prefix: the start of a record, its session and severity. */
export interface LinePrefix {
  readonly prefix: string;
  /** Matches a record's first line up to its message, which is the rest of the line. */
  readonly start: RegExp;
}

/** What the start of a record says; the message is what follows the match. */
export interface RecordStart {
  readonly session: string;
  readonly severity: string;
  readonly message: string;
  /** The timestamp's text when the prefix has %m or %n (see log-time.ts). */
  readonly at?: string;
}

export function compilePrefix(prefix: string): LinePrefix {
  return { prefix, start: new RegExp(`^${prefixPattern(prefix)}(?<severity>${SEVERITIES}):  `) };
}

/** The record a line starts, or undefined when the line does not start with the prefix. */
export function matchStart(prefix: LinePrefix, line: string): RecordStart | undefined {
  const match = prefix.start.exec(line);
  const groups = match?.groups;
  if (!match || !groups) return undefined;
  return {
    session: groups.session ?? groups.pid ?? '',
    severity: groups.severity ?? '',
    message: line.slice(match[0].length),
    ...(groups.at !== undefined && { at: groups.at }),
  };
}

/** Debian's and Ubuntu's defaults, pgbadger's recommendation and the bare ones, most specific first. */
export const COMMON_PREFIXES: readonly string[] = [
  '%t [%p]: [%l-1] user=%u,db=%d,app=%a,client=%h ',
  '%t [%p]: [%l-1] user=%u,db=%d ',
  '%m [%p]: [%l-1] user=%u,db=%d ',
  '%m [%p] %q%u@%d ',
  '%m [%p] ',
  '%t [%p]: ',
  '%t [%p] ',
  '%m ',
  '',
];

/**
 * The common prefix that starts the most sample lines. On a tie the simpler one wins: a %q tail or a
 * longer free-text field that matched nothing of its own is not evidence.
 */
export function detectPrefix(sample: readonly string[]): LinePrefix | undefined {
  let best: { prefix: LinePrefix; hits: number } | undefined;
  for (const candidate of COMMON_PREFIXES.map(compilePrefix)) {
    const hits = sample.filter((line) => candidate.start.test(line)).length;
    if (hits > 0 && (best === undefined || hits >= best.hits)) best = { prefix: candidate, hits };
  }
  return best?.prefix;
}
