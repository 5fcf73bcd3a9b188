import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/command-help.js';
import { HELP } from '../../src/cli/help.js';
import { cli } from '../support/run-cli.js';

const COMMANDS = [
  'check',
  'lint',
  'verify',
  'explain',
  'advise',
  'stats',
  'n1',
  'top',
  'health',
  'pooling',
  'serve',
];

/** The commands an option's description line is scoped to (`lint, check: …`), when it is. */
function scope(line: string): string[] | undefined {
  const description = line.startsWith('  -') || line.startsWith(' '.repeat(20)) ? line.slice(20) : '';
  const named = /^([a-z0-9][^:]*): /
    .exec(description)?.[1]
    ?.split(', ')
    .map((item) => item.split(' ')[0] ?? '');
  return named?.every((name) => COMMANDS.includes(name)) ? named : undefined;
}

describe('pgvigil <command> --help', () => {
  it('gives the command its usage and only what applies to it', async () => {
    const run = await cli('lint', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('  pgvigil lint <dir | file... | ->');
    expect(run.stdout).toContain('  --static          lint: no engine;');
    expect(run.stdout).toContain('lint --trace, check --trace: also run the trace');
    expect(run.stdout).not.toContain('pgvigil serve');
    expect(run.stdout).not.toContain('--host');
    expect(run.stdout).not.toContain('verify: run in a scratch database');
  });

  it.each(COMMANDS)(
    '%s: every scoped line shown names it, and every option scoped to it is shown',
    (command) => {
      const help = commandHelp(command) ?? '';
      expect(help).toContain(`  pgvigil ${command}`);
      for (const line of help.split('\n')) expect(scope(line) ?? [command]).toContain(command);
      const everywhere = HELP.split('\n').filter((line) => scope(line)?.includes(command));
      for (const line of everywhere) expect(help).toContain(line.trim());
    },
  );

  it('without a command, or with one it does not know, is the whole help', async () => {
    expect((await cli('--help')).stdout).toBe(HELP);
    expect((await cli('bogus', '--help')).stdout).toBe(HELP);
  });
});
