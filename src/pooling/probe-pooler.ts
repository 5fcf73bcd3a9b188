import { openPooledSession, type PooledSession } from './pooled-session.js';
import type { PoolerDetection } from './pooler-detection.js';

interface Backend {
  readonly pid: number;
  readonly port: number | null;
}

const WHO = 'SELECT pg_backend_pid() AS pid, inet_server_port() AS port';

async function who(session: PooledSession): Promise<Backend> {
  const [row] = await session.read<Backend>(WHO);
  return row ?? { pid: 0, port: null };
}

function urlPort(url: string): number | undefined {
  try {
    const parsed = new URL(url);
    return parsed.hostname ? Number(parsed.port || 5432) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Proves transaction pooling by behaviour, read-only: two clients connected at the same time that
 * are served by one backend (same pg_backend_pid), or one client served by two, can only be
 * multiplexed by a pooler that hands out server connections per transaction. A direct or
 * session-mode connection keeps one backend per client for its lifetime.
 */
export async function probePooler(url: string): Promise<PoolerDetection> {
  const first = await openPooledSession(url);
  try {
    const second = await openPooledSession(url);
    try {
      const a1 = await who(first);
      const b = await who(second);
      const a2 = await who(first);
      if (a1.pid === b.pid)
        return {
          kind: 'unknown pooler',
          mode: 'transaction',
          confidence: 'certain',
          evidence: [
            {
              source: 'probe',
              says: `two clients connected at once were served by the same backend (pid ${a1.pid}): server connections are handed out per transaction`,
            },
          ],
        };
      if (a1.pid !== a2.pid)
        return {
          kind: 'unknown pooler',
          mode: 'transaction',
          confidence: 'certain',
          evidence: [
            {
              source: 'probe',
              says: `one client was served by backend ${a1.pid}, then by ${a2.pid}: server connections are handed out per transaction`,
            },
          ],
        };
      const port = urlPort(url);
      if (a1.port !== null && port !== undefined && a1.port !== port)
        return {
          kind: 'unknown pooler',
          mode: 'unknown',
          confidence: 'possible',
          evidence: [
            {
              source: 'probe',
              says: `the URL's port is ${port} but the server listens on ${a1.port}: a proxy or pooler is in between, yet each client kept its own backend (session mode, or a pool with spare connections)`,
            },
          ],
        };
      return {
        evidence: [
          {
            source: 'probe',
            says: 'each client kept its own backend across transactions: no transaction pooling seen',
          },
        ],
      };
    } finally {
      await second.close();
    }
  } finally {
    await first.close();
  }
}
