import { duration } from '../../live/format.js';
import type { Session } from '../../live/sessions.js';
import type { Finding } from '../schema-rule.js';
import { type LiveRule, threshold } from './live-rule.js';
import { lastQuery, who } from './session-text.js';

/**
 * The chain from a waiting session up to the session at its head, following the first blocker at each
 * step (a cycle is a deadlock, which the server resolves on its own, so it stops there).
 */
export function lockChain(sessions: readonly Session[], waiting: Session): readonly number[] {
  const byPid = new Map(sessions.map((s) => [s.pid, s]));
  const chain = [waiting.pid];
  let current: Session | undefined = waiting;
  while (current && current.blockedBy.length > 0) {
    const next: number = current.blockedBy[0] ?? 0;
    if (chain.includes(next)) break;
    chain.push(next);
    current = byPid.get(next);
  }
  return chain;
}

function describe(sessions: readonly Session[], pid: number): string {
  const session = sessions.find((s) => s.pid === pid);
  return session ? `${who(session)} [${session.state ?? 'state hidden'}]${lastQuery(session)}` : `pid ${pid}`;
}

export const banBlockedQuery: LiveRule = {
  meta: {
    id: 'ban-blocked-query',
    group: 'live',
    category: 'locking',
    defaultSeverity: 'error',
    summary: 'A query is waiting for a lock another session holds; the lock chain names who blocks it.',
    thresholds: {
      minWaitSeconds: {
        default: 5,
        description: 'seconds a query may wait for a lock before it is reported',
      },
    },
  },
  scope: 'server',
  check(ctx) {
    const { sessions } = ctx.facts;
    const min = threshold(ctx, 'minWaitSeconds');
    return sessions.flatMap((session): Finding[] => {
      if (session.blockedBy.length === 0 || (session.stateSeconds ?? 0) < min) return [];
      const chain = lockChain(sessions, session);
      const head = chain[chain.length - 1] ?? session.pid;
      return [
        {
          message: `Session ${who(session)} has waited ${duration(session.stateSeconds ?? 0)} for a lock held by pid ${session.blockedBy.join(', pid ')}${lastQuery(session)}`,
          why: `Lock chain: ${chain.map((pid) => describe(sessions, pid)).join('\n  waits for ')}. Everything that needs a conflicting lock on the same objects queues behind it.`,
          help: `The head of the chain is pid ${head}: finish or cancel what it is doing (an open transaction that idles, a migration without lock_timeout). To end it:`,
          suggestedSql: `SELECT pg_terminate_backend(${head});`,
          file: ctx.facts.target,
          data: { pid: session.pid, blockedBy: session.blockedBy, chain, waitSeconds: session.stateSeconds },
        },
      ];
    });
  },
};
