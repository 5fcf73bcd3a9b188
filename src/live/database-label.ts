import { redactUrl } from '../engine/connection-target.js';

/** host:port/database for messages: enough to tell the servers apart, and no password. */
export function databaseLabel(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || parsed.username || 'postgres';
    return `${host}:${parsed.port || '5432'}/${database}`;
  } catch {
    return redactUrl(url);
  }
}
