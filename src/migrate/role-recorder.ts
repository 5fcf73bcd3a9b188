import type { Engine } from '../engine/engine.js';
import { parseSql } from '../sql/parser.js';

const CREATES_ROLE = /\bcreate\s+(role|user|group)\b/i;

/** The role names the CREATE ROLE / USER / GROUP statements of a script create. */
function rolesCreatedIn(sql: string): string[] {
  if (!CREATES_ROLE.test(sql)) return [];
  const parsed = parseSql(sql);
  if (!parsed.ok) return [];
  return (parsed.result.stmts ?? []).flatMap((raw) => {
    const node = raw.stmt;
    return node && 'CreateRoleStmt' in node && node.CreateRoleStmt.role ? [node.CreateRoleStmt.role] : [];
  });
}

/**
 * The engine, noting every role its statements create. Roles are the cluster's: on a user's server
 * pgvigil may drop only the roles its own statements made, never one someone else created meanwhile.
 */
export class RoleRecorder implements Engine {
  constructor(
    private readonly inner: Engine,
    /** Shared by the transactions opened from it. */
    readonly created: Set<string> = new Set(),
  ) {}

  get kind(): Engine['kind'] {
    return this.inner.kind;
  }

  get serverVersion(): number {
    return this.inner.serverVersion;
  }

  private note(sql: string): void {
    for (const role of rolesCreatedIn(sql)) this.created.add(role);
  }

  query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> {
    this.note(sql);
    return this.inner.query<R>(sql, params);
  }

  exec(sql: string): Promise<void> {
    this.note(sql);
    return this.inner.exec(sql);
  }

  transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    return this.inner.transaction((tx) => fn(new RoleRecorder(tx, this.created)), opts);
  }

  resetSession(): Promise<void> {
    return this.inner.resetSession();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
