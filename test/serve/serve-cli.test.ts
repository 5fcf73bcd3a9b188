import { describe, expect, it } from 'vitest';
import { cli } from '../support/run-cli.js';

describe('pgvigil serve usage', () => {
  it('needs a database', async () => {
    const run = await cli('serve');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'pgvigil: serve needs a database: pgvigil serve --db postgres://user@host/db (repeatable).\n',
    );
  });

  it('keeps --host and --port to serve, and ports in range', async () => {
    const other = await cli('top', '--db', 'postgres://x@127.0.0.1/db', '--port', '8080');
    expect(other.stderr).toBe('pgvigil: --port applies to serve only, not to top.\n');
    const high = await cli('serve', '--db', 'postgres://x@127.0.0.1/db', '--port', '70000');
    expect(high.code).toBe(2);
    expect(high.stderr).toContain('--port 70000: give a port from 0 to 65535.');
  });

  it('says when the port is taken, in one line', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = await cli('serve', '--db', 'postgres://x@127.0.0.1/db', '--port', String(port));
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `pgvigil: cannot listen on 127.0.0.1:${port} (EADDRINUSE): pick another --port or --host.\n`,
      );
    } finally {
      taken.close();
    }
  });

  it('says when --host is no address this machine can resolve, in one line (not an internal error)', async () => {
    const run = await cli('serve', '--db', 'postgres://x@127.0.0.1/db', '--host', '999.1.1.1', '--port', '0');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^pgvigil: cannot listen on 999\.1\.1\.1:0 \((ENOTFOUND|EAI_AGAIN)\): pick another --port or --host\.\n$/,
    );
  });
});
