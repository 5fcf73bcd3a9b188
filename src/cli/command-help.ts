import { HELP } from './help.js';

/*
 * `pgvigil <command> --help`: the command's usage and only the options (and the parts of an option's
 * text) that apply to it, cut from the one HELP text so the two never disagree. HELP's layout is the
 * contract: a command entry starts `  pgvigil <command>`, an option `  -`, descriptions start at
 * column 20, and a part of a description that applies to some commands only starts with their
 * names and a colon (`lint, check: …`, `lint --trace: …`). An option without such a part applies to all.
 */

const DESCRIPTION_COLUMN = 20;
const INDENT = ' '.repeat(DESCRIPTION_COLUMN);
const SCOPE = /^([a-z0-9][^:]*): /;

interface Part {
  /** The commands it applies to; undefined for all. */
  readonly commands?: readonly string[];
  readonly lines: string[];
}

interface OptionEntry {
  readonly label: string;
  readonly parts: readonly Part[];
}

function section(name: string): string[] {
  const start = HELP.indexOf(`\n${name}:\n`);
  const rest = HELP.slice(start + name.length + 3);
  return rest.slice(0, rest.search(/\n\n/)).split('\n');
}

/** Entries of a section, each a first line and the lines that continue it. */
function entries(lines: readonly string[], starts: RegExp): string[][] {
  const found: string[][] = [];
  for (const line of lines) {
    if (starts.test(line) || found.length === 0) found.push([line]);
    else found[found.length - 1]?.push(line);
  }
  return found;
}

/** The commands a part names before its colon, when every name it lists is a command. */
function scopeOf(line: string, commands: ReadonlySet<string>): readonly string[] | undefined {
  const scope = SCOPE.exec(line)?.[1];
  const named = scope?.split(', ').map((item) => item.split(' ')[0] ?? '');
  return named?.every((name) => commands.has(name)) ? named : undefined;
}

function optionEntry(lines: readonly string[], commands: ReadonlySet<string>): OptionEntry {
  const [first = '', ...rest] = lines;
  // A label too long for its column has the whole first line, and the description starts below.
  const [, label = first, inline] = /^( {2}\S.*?)(?: {2,}(\S.*))?$/.exec(first) ?? [];
  const fits = inline === undefined && first.charAt(DESCRIPTION_COLUMN - 1) === ' ';
  // `--min-repeats <n> n1: …`: a label of 18 characters leaves one space before its description.
  const description = [
    fits ? first.slice(DESCRIPTION_COLUMN) : (inline ?? ''),
    ...rest.map((line) => line.slice(DESCRIPTION_COLUMN)),
  ];
  const parts: Part[] = [];
  for (const text of description.filter((line) => line !== '')) {
    const scope = scopeOf(text, commands);
    const current = parts[parts.length - 1];
    if (scope || !current) parts.push({ ...(scope && { commands: scope }), lines: [text] });
    else current.lines.push(text);
  }
  return { label: fits ? first.slice(0, DESCRIPTION_COLUMN).trimEnd() : label, parts };
}

function render(option: OptionEntry, command: string): string[] {
  const kept = option.parts.filter((part) => !part.commands || part.commands.includes(command));
  const lines = kept.flatMap((part) => part.lines);
  if (lines.length === 0) return [];
  const [first = '', ...rest] = lines;
  const head =
    option.label.length < DESCRIPTION_COLUMN
      ? [option.label.padEnd(DESCRIPTION_COLUMN) + first]
      : [option.label, INDENT + first];
  return [...head, ...rest.map((line) => INDENT + line)];
}

/** The help of one command, or undefined when HELP has no such command. */
export function commandHelp(command: string): string | undefined {
  const usage = entries(section('Usage'), /^ {2}pgvigil /);
  const names = new Set(usage.map((entry) => entry[0]?.split(/\s+/)[2] ?? ''));
  const own = usage.find((entry) => entry[0]?.split(/\s+/)[2] === command);
  if (!own) return undefined;
  const options = entries(section('Options'), /^ {2}-/).map((lines) => optionEntry(lines, names));
  const trailer = HELP.slice(HELP.indexOf('\nExit codes:') + 1);
  return [
    HELP.slice(0, HELP.indexOf('\n')),
    '',
    'Usage:',
    ...own,
    '',
    'Options:',
    ...options.flatMap((option) => render(option, command)),
    '',
    trailer,
  ].join('\n');
}
