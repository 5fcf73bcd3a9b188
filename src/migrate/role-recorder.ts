import type { Engine } from '../engine/engine.js';
import { markRoleSql } from '../engine/scratch-roles.js';
import { reachOutside, refusedInTransactionBlock } from './outside-scratch.js';
import {
  doBlockRoleStatements,
  type RoleStatement,
  roleStatement,
  rolesCreatedIn,
} from './role-statement.js';
import { transactionEffectOfSql } from './transaction-statement.js';

/**
 * A statement pgvigil did not run: it would have changed a role of the server the run did not
 * create, or something else outside the database the run is in (another database, the server's
 * configuration, a tablespace, a file on the server…).
 */
export type LeftAlone =
  | {
      readonly sql: string;
      readonly kind: RoleStatement['kind'];
      /** The roles of the server it names; empty when it names the session's user (or ALL). */
      readonly roles: readonly string[];
    }
  | {
      readonly sql: string;
      readonly kind: 'outside';
      /** What it would have changed, in words: "database app", "the server's configuration…". */
      readonly what: string;
    };

export interface RoleRecorderOptions {
  /**
   * On a server: statements that would change a role this run did not create, or anything outside
   * `database`, are not run.
   */
  readonly guard?: boolean;
  /** The database the run is in: the only one its statements may change. */
  readonly database?: string;
  /** Set on the recorders of transactions opened from one: every statement runs in a transaction block. */
  readonly inTransaction?: boolean;
  /** The scratch database: each role created is marked as its own, in the creating transaction. */
  readonly markFor?: string;
}

/**
 * The engine, noting every role its statements create. Roles are the cluster's: on a user's server
 * pgvigil may drop only the roles its own statements made, never one someone else created meanwhile,
 * and (guard) changes no role it did not create: such a statement is noted in leftAlone, not run.
 */
export class RoleRecorder implements Engine {
  /** COPY … FROM STDIN with its rows, where the engine underneath can (a COPY creates no role). */
  readonly copyFrom?: Engine['copyFrom'];
  /** A transaction block opened by a BEGIN sent through this recorder (a migration tool's, or the file's own). */
  #inBlock = false;

  constructor(
    private readonly inner: Engine,
    /** Shared by the transactions opened from it. */
    readonly created: Set<string> = new Set(),
    private readonly options: RoleRecorderOptions = {},
    readonly leftAlone: LeftAlone[] = [],
  ) {
    // Optional in the Engine contract: present here exactly when the inner engine has it.
    const copy = inner.copyFrom;
    if (copy) this.copyFrom = (sql, data) => copy.call(inner, sql, data);
  }

  get kind(): Engine['kind'] {
    return this.inner.kind;
  }

  get serverVersion(): number {
    return this.inner.serverVersion;
  }

  /** Of these roles, the ones the server has now. */
  private async existing(names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const { rows } = await this.inner.query<{ name: string }>(
      'SELECT rolname AS name FROM pg_catalog.pg_roles WHERE rolname = ANY($1)',
      [names],
    );
    return new Set(rows.map((row) => row.name));
  }

  /**
   * True (and noted in leftAlone) when the statement would change a role the run did not create:
   * every group of roles it names holds one that exists on the server and is not the run's.
   */
  private async leavesAlone(sql: string, act: RoleStatement): Promise<boolean> {
    const names = act.groups.flatMap((group) => group.names).filter((name) => !this.created.has(name));
    const foreign = await this.existing(names);
    if (!act.groups.every((group) => group.session || group.names.some((name) => foreign.has(name))))
      return false;
    this.leftAlone.push({ sql, kind: act.kind, roles: [...foreign] });
    return true;
  }

  /** Runs a statement that acts on roles, unless it would change one the run did not create. */
  private async guarded(sql: string, act: RoleStatement, run: (sql: string) => Promise<void>): Promise<void> {
    if (await this.leavesAlone(sql, act)) return;
    const [created] = act.kind === 'create' ? (act.groups[0]?.names ?? []) : [];
    const { markFor } = this.options;
    // One query, so one transaction even outside a transaction block: the role never exists unmarked.
    await run(created && markFor ? `${sql}\n;${markRoleSql(created, markFor)}` : sql);
    if (created) this.created.add(created);
    if (act.renamed && this.created.has(act.renamed.from)) this.created.add(act.renamed.to);
  }

  /**
   * A DO block whose body acts on roles (the idempotent `IF NOT EXISTS … CREATE ROLE` of many
   * migrations). Not run when it would change a role the run did not create; otherwise run whole,
   * and a role its CREATE ROLE names that exists only afterwards is the run's, marked as such.
   */
  private async guardedDo(sql: string, acts: readonly RoleStatement[], run: (sql: string) => Promise<void>) {
    for (const act of acts.filter((act) => act.kind === 'change'))
      if (await this.leavesAlone(sql, act)) return;
    const named = acts.flatMap((act) => (act.kind === 'create' ? (act.groups[0]?.names ?? []) : []));
    const before = await this.existing(named);
    await run(sql);
    const { markFor } = this.options;
    for (const role of await this.existing(named)) {
      if (before.has(role) || this.created.has(role)) continue;
      this.created.add(role);
      if (markFor) await this.inner.exec(markRoleSql(role, markFor));
    }
  }

  private async recorded(sql: string, run: (sql: string) => Promise<void>): Promise<void> {
    const outside = this.options.guard ? reachOutside(sql, this.options.database ?? '') : undefined;
    // In a transaction block ALTER SYSTEM, CREATE DATABASE… fail before acting: run, and the refusal is reported as on a deploy.
    const inBlock = this.options.inTransaction === true || this.#inBlock;
    const refused = inBlock && outside !== undefined && refusedInTransactionBlock(sql, this.serverVersion);
    if (outside && !refused) {
      this.leftAlone.push({ sql, kind: 'outside', what: outside });
      return;
    }
    const act = this.options.guard ? roleStatement(sql) : undefined;
    if (act) return this.guarded(sql, act, run);
    const inDo = this.options.guard ? doBlockRoleStatements(sql) : undefined;
    if (inDo) return this.guardedDo(sql, inDo, run);
    await run(sql);
    const effect = this.options.guard ? transactionEffectOfSql(sql) : undefined;
    if (effect) this.#inBlock = effect === 'begin';
    // Only once it ran: a CREATE ROLE that failed made nothing of pgvigil's.
    for (const role of rolesCreatedIn(sql)) this.created.add(role);
  }

  async query<R>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> {
    if (params !== undefined || !this.options.guard) {
      const result = await this.inner.query<R>(sql, params);
      for (const role of rolesCreatedIn(sql)) this.created.add(role);
      return result;
    }
    let result: { rows: R[] } = { rows: [] };
    await this.recorded(sql, async (text) => {
      result = await this.inner.query<R>(text);
    });
    return result;
  }

  exec(sql: string): Promise<void> {
    return this.recorded(sql, (text) => this.inner.exec(text));
  }

  transaction<T>(fn: (tx: Engine) => Promise<T>, opts?: { rollback?: boolean }): Promise<T> {
    return this.inner.transaction(
      (tx) =>
        fn(new RoleRecorder(tx, this.created, { ...this.options, inTransaction: true }, this.leftAlone)),
      opts,
    );
  }

  resetSession(): Promise<void> {
    this.#inBlock = false;
    return this.inner.resetSession();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
