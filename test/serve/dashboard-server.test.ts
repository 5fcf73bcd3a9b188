import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { isLoopback, newAccessToken } from '../../src/serve/access-token.js';
import { type RunningDashboard, startDashboard } from '../../src/serve/dashboard-server.js';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so the test controls the Host header as a browser or an attacker would send it. */
function get(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

let running: RunningDashboard | undefined;
let views = 0;

async function start(token?: string, host = '127.0.0.1'): Promise<string> {
  running = await startDashboard({
    host,
    port: 0,
    refreshSeconds: 15,
    ...(token && { token }),
    content: async () => {
      views += 1;
      return { html: `<p>view ${views}</p>`, json: JSON.stringify({ views }) };
    },
  });
  return running.url;
}

afterEach(async () => {
  await running?.close();
  running = undefined;
});

describe('dashboard server', () => {
  it('serves the page with a refresh header and the data as JSON, on loopback without a token', async () => {
    const url = await start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers.refresh).toBe('15');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toMatch(/<p>view \d+<\/p>/);
    const data = await get(new URL('/api/report', url).href);
    expect(JSON.parse(data.body)).toHaveProperty('views');
  });

  it('refuses a request addressed to another host name (DNS rebinding)', async () => {
    const url = await start();
    const reply = await get(url, { host: 'attacker.example:80' });
    expect(reply.status).toBe(403);
    expect(reply.body).not.toContain('view');
  });

  it('is read-only and says where things are', async () => {
    const url = await start();
    expect((await get(url, {}, 'POST')).status).toBe(405);
    const missing = await get(new URL('/admin', url).href);
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('/api/report');
  });

  it('requires the token when one is set, then carries it in an HttpOnly cookie', async () => {
    const token = newAccessToken();
    const url = await start(token);
    expect(url).toContain(`?token=${token}`);
    const bare = new URL(url);
    bare.search = '';
    expect((await get(bare.href)).status).toBe(401);
    expect((await get(`${bare.href}?token=wrong-${token}`)).status).toBe(401);
    const first = await get(url);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    expect(String(first.headers['set-cookie'])).toContain('HttpOnly');
    const page = await get(bare.href, { cookie });
    expect(page.status).toBe(200);
    expect(page.body).toContain('view');
    const bearer = await get(new URL('/api/report', bare).href, { authorization: `Bearer ${token}` });
    expect(bearer.status).toBe(200);
  });
});

describe('isLoopback', () => {
  it('knows the loopback names and nothing else', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost'].every(isLoopback)).toBe(true);
    expect(['0.0.0.0', '192.168.1.5', 'example.com', '::'].some(isLoopback)).toBe(false);
  });
});
