import { doBlockStatements } from '../sql/do-block-statements.js';
import { parseOnlyStatement, parseSql } from '../sql/parser.js';

/** Statements that can act on a role: anything else skips the parse. */
const MAY_TOUCH_ROLE =
  /\b(?:(?:create|drop|alter)\s+(?:role|user|group)|grant|revoke|comment\s+on\s+role|(?:drop|reassign)\s+owned)\b/i;

/** Roles a statement names together: it changes the cluster when every group names a role not the run's. */
export interface RoleGroup {
  readonly names: readonly string[];
  /** CURRENT_USER, SESSION_USER, CURRENT_ROLE or ALL: always a role the run did not create. */
  readonly session: boolean;
}

export interface RoleStatement {
  readonly kind: 'create' | 'change';
  readonly groups: readonly RoleGroup[];
  /** ALTER ROLE a RENAME TO b: the role keeps its identity under the new name. */
  readonly renamed?: { readonly from: string; readonly to: string };
}

type Node = Record<string, unknown>;
interface Spec {
  readonly roletype?: string;
  readonly rolename?: string;
}

function group(specs: readonly (Spec | undefined)[]): RoleGroup {
  const names = specs.flatMap((spec) => (spec?.rolename ? [spec.rolename] : []));
  return { names, session: specs.some((spec) => spec?.roletype !== 'ROLESPEC_CSTRING') };
}

function specs(list: unknown): Spec[] {
  return ((list ?? []) as { RoleSpec?: Spec }[]).map((item) => item.RoleSpec ?? {});
}

function classify(node: Node): RoleStatement | undefined {
  const [type, body] = Object.entries(node)[0] ?? [];
  const stmt = (body ?? {}) as Node;
  switch (type) {
    case 'CreateRoleStmt':
      return { kind: 'create', groups: [{ names: [String(stmt.role)], session: false }] };
    case 'DropRoleStmt':
    case 'DropOwnedStmt':
    case 'ReassignOwnedStmt':
      return { kind: 'change', groups: [group(specs(stmt.roles))] };
    case 'AlterRoleStmt':
    case 'AlterRoleSetStmt':
      // ALTER ROLE ALL SET has no role: every role of the server.
      return { kind: 'change', groups: [group([stmt.role as Spec | undefined])] };
    case 'RenameStmt':
      if (stmt.renameType !== 'OBJECT_ROLE') return undefined;
      return {
        kind: 'change',
        groups: [{ names: [String(stmt.subname)], session: false }],
        renamed: { from: String(stmt.subname), to: String(stmt.newname) },
      };
    case 'CommentStmt': {
      if (stmt.objtype !== 'OBJECT_ROLE') return undefined;
      const name = (stmt.object as { String?: { sval?: string } }).String?.sval ?? '';
      return { kind: 'change', groups: [{ names: [name], session: false }] };
    }
    case 'GrantRoleStmt': {
      // A membership involving a role of the run goes when that role is dropped.
      const granted = ((stmt.granted_roles ?? []) as { AccessPriv?: { priv_name?: string } }[]).map(
        (item) => item.AccessPriv?.priv_name ?? '',
      );
      return {
        kind: 'change',
        groups: [{ names: granted, session: false }, group(specs(stmt.grantee_roles))],
      };
    }
  }
  return undefined;
}

/**
 * What one statement does to roles, or undefined when it does nothing to them (or is several
 * statements: callers run migrations one statement at a time).
 */
export function roleStatement(sql: string): RoleStatement | undefined {
  if (!MAY_TOUCH_ROLE.test(sql)) return undefined;
  const only = parseOnlyStatement(sql);
  return only ? classify(only as Node) : undefined;
}

/**
 * What the statements in the body of a DO block do to roles (as static mode reads the body: every
 * branch counted), or undefined when the statement is not a DO block that touches a role.
 */
export function doBlockRoleStatements(sql: string): readonly RoleStatement[] | undefined {
  if (!/\bdo\b/i.test(sql) || !MAY_TOUCH_ROLE.test(sql)) return undefined;
  const only = parseOnlyStatement(sql);
  if (!only || !('DoStmt' in only)) return undefined;
  const acts = doBlockStatements(only.DoStmt).statements.flatMap((inner) => roleStatement(inner) ?? []);
  return acts.length > 0 ? acts : undefined;
}

const CREATES_ROLE = /\bcreate\s+(?:role|user|group)\b/i;

/** The role names the CREATE ROLE / USER / GROUP statements of a script create. */
export function rolesCreatedIn(sql: string): string[] {
  if (!CREATES_ROLE.test(sql)) return [];
  const parsed = parseSql(sql);
  if (!parsed.ok) return [];
  return (parsed.result.stmts ?? []).flatMap((raw) => {
    const node = raw.stmt;
    return node && 'CreateRoleStmt' in node && node.CreateRoleStmt.role ? [node.CreateRoleStmt.role] : [];
  });
}
