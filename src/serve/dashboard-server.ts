import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isLoopback, presentedToken, TOKEN_COOKIE, tokenMatches } from './access-token.js';

/** What one page view shows: rendered by the caller from its latest snapshot. */
export interface DashboardContent {
  readonly html: string;
  readonly json: string;
}

export interface DashboardOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Required on every request when set (the server is reachable from other machines). */
  readonly token?: string;
  /** Seconds after which the browser reloads the page (HTTP Refresh header: no script needed). */
  readonly refreshSeconds: number;
  readonly content: () => Promise<DashboardContent>;
}

export interface RunningDashboard {
  /** The address to open, with the token when one is required. */
  readonly url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;

/**
 * Without a token the server answers only requests addressed to a loopback name: a web page the
 * user visits cannot rebind its own host name to 127.0.0.1 and read the dashboard (DNS rebinding).
 */
function hostAllowed(request: IncomingMessage, options: DashboardOptions): boolean {
  if (options.token) return true;
  const host = (request.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  return isLoopback(host);
}

function send(response: ServerResponse, status: number, type: string, body: string, extra = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': `${type}; charset=utf-8`, ...extra });
  response.end(body);
}

async function handle(request: IncomingMessage, response: ServerResponse, options: DashboardOptions) {
  const url = new URL(request.url ?? '/', 'http://dashboard.invalid');
  if (!hostAllowed(request, options)) return send(response, 403, 'text/plain', 'Forbidden: unknown host.\n');
  if (options.token && !tokenMatches(options.token, presentedToken(request, url)))
    return send(response, 401, 'text/plain', 'Give the token pgvigil serve printed at start (?token=…).\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return send(response, 405, 'text/plain', 'Read-only: only GET.\n', { allow: 'GET, HEAD' });
  if (options.token && url.searchParams.has('token')) {
    // Keep the token out of the address bar and history: a cookie carries it from here on.
    const cookie = `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`;
    return send(response, 303, 'text/plain', 'See /\n', { location: url.pathname, 'set-cookie': cookie });
  }
  if (url.pathname === '/' || url.pathname === '/api/report') {
    const content = await options.content();
    return url.pathname === '/'
      ? send(response, 200, 'text/html', content.html, { refresh: String(options.refreshSeconds) })
      : send(response, 200, 'application/json', content.json);
  }
  return send(response, 404, 'text/plain', 'Not found: the dashboard is at / and its data at /api/report.\n');
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
}

/** Starts the dashboard's HTTP server; every request is read-only and answered from the latest snapshot. */
export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const server = createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      if (!response.headersSent) send(response, 500, 'text/plain', `pgvigil serve: ${message}\n`);
      else response.end();
    });
  });
  const address = await listen(server, options.host, options.port);
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const query = options.token ? `/?token=${options.token}` : '/';
  return {
    url: `http://${shownHost}:${address.port}${query}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
