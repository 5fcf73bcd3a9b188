import type { Session } from '../../live/sessions.js';

/** "pid 4242 (alice, app "api")": who a session is, as far as the role may see. */
export function who(session: Session): string {
  const parts = [session.user, session.application ? `app "${session.application}"` : undefined].filter(
    (part) => part,
  );
  return `pid ${session.pid}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`;
}

export function lastQuery(session: Session): string {
  return session.query ? `: ${session.query.replace(/\s+/g, ' ').trim()}` : '';
}

export function sessionData(session: Session): Record<string, unknown> {
  return {
    pid: session.pid,
    user: session.user,
    application: session.application,
    state: session.state,
    transactionSeconds: session.transactionSeconds,
    query: session.query,
  };
}
