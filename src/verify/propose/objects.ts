import type { CatalogSnapshot, FunctionDef, Trigger, View } from '../../catalog/model.js';
import { type DownPart, part, sameShape } from './down-part.js';
import { byKey, ident, qualifiedIdent } from './sql-names.js';

const triggerKey = (t: Trigger): string => `${t.table.qualified}\u0000${t.name}`;
const functionKey = (f: FunctionDef): string => `${qualifiedIdent(f.schema, f.name)}(${f.arguments})`;

/** Triggers: added or changed ones dropped, then removed or changed ones created from their definition. */
export function triggerDowns(s0: CatalogSnapshot, s1: CatalogSnapshot): { drop: DownPart; add: DownPart } {
  const tables = new Set(s0.tables.map((t) => t.qualified));
  const [before, after] = [byKey(s0.triggers, triggerKey), byKey(s1.triggers, triggerKey)];
  const differs = (t: Trigger, other?: Trigger): boolean =>
    other === undefined || other.definition !== t.definition;
  const enabling = s0.triggers.filter((t) => {
    const other = after.get(triggerKey(t));
    return other !== undefined && !differs(t, other) && other.enabled !== t.enabled;
  });
  return {
    drop: part(
      s1.triggers
        .filter((t) => tables.has(t.table.qualified) && differs(t, before.get(triggerKey(t))))
        .map((t) => `DROP TRIGGER ${ident(t.name)} ON ${t.table.qualified}`),
    ),
    add: part([
      ...s0.triggers.filter((t) => differs(t, after.get(triggerKey(t)))).map((t) => t.definition),
      ...enabling.map(
        (t) =>
          `ALTER TABLE ${t.table.qualified} ${t.enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${ident(t.name)}`,
      ),
    ]),
  };
}

function createView(view: View): string {
  const kind = view.materialized ? 'MATERIALIZED VIEW' : 'VIEW';
  return `CREATE ${kind} ${view.qualified} AS ${view.definition.trim().replace(/;$/, '')}`;
}

/** Views: added or changed ones dropped first, removed or changed ones created again last. */
export function viewDowns(s0: CatalogSnapshot, s1: CatalogSnapshot): { drop: DownPart; add: DownPart } {
  const [before, after] = [byKey(s0.views, (v) => v.qualified), byKey(s1.views, (v) => v.qualified)];
  const differs = (v: View, other?: View): boolean => other === undefined || !sameShape(v, other);
  const dropKind = (v: View): string => (v.materialized ? 'MATERIALIZED VIEW' : 'VIEW');
  return {
    drop: part(
      s1.views
        .filter((v) => differs(v, before.get(v.qualified)))
        .map((v) => `DROP ${dropKind(v)} ${v.qualified}`),
    ),
    add: part(s0.views.filter((v) => differs(v, after.get(v.qualified))).map(createView)),
  };
}

/** Functions: added ones dropped; a changed or dropped body is not in the snapshot (a hash only). */
export function functionDowns(s0: CatalogSnapshot, s1: CatalogSnapshot): DownPart {
  const [before, after] = [byKey(s0.functions, functionKey), byKey(s1.functions, functionKey)];
  const lost = s0.functions.filter((f) => {
    const other = after.get(functionKey(f));
    return other === undefined || !sameShape(f, other);
  });
  return part(
    s1.functions.filter((f) => !before.has(functionKey(f))).map((f) => `DROP FUNCTION ${functionKey(f)}`),
    lost.map(
      (f) => `the up drops or replaces function ${functionKey(f)}: its old body is not known to pgvigil`,
    ),
  );
}

/** Sequences, enums, extensions and schemas the up created are dropped; other changes to them are not generated. */
export function typeAndSchemaDowns(s0: CatalogSnapshot, s1: CatalogSnapshot): DownPart {
  const created = <T>(all0: readonly T[], all1: readonly T[], key: (item: T) => string): T[] => {
    const before = new Set(all0.map(key));
    return all1.filter((item) => !before.has(key(item)));
  };
  const changed = <T extends object>(
    all0: readonly T[],
    all1: readonly T[],
    key: (item: T) => string,
  ): T[] => {
    const after = byKey(all1, key);
    return all0.filter((item) => {
      const other = after.get(key(item));
      return other === undefined || !sameShape(item, other);
    });
  };
  const droppedTables = new Set(created(s0.tables, s1.tables, (t) => t.qualified).map((t) => t.qualified));
  const sequences = created(s0.sequences, s1.sequences, (s) => s.qualified).filter(
    (s) => !(s.ownedBy && droppedTables.has(s.ownedBy.table.qualified)),
  );
  const enumKey = (e: { schema: string; name: string }): string => qualifiedIdent(e.schema, e.name);
  return part(
    [
      ...sequences.map((s) => `DROP SEQUENCE ${s.qualified}`),
      ...created(s0.enums, s1.enums, enumKey).map((e) => `DROP TYPE ${enumKey(e)}`),
      ...created(s0.extensions, s1.extensions, (e) => e.name).map((e) => `DROP EXTENSION ${ident(e.name)}`),
      ...created(s0.schemas, s1.schemas, (s) => s).map((s) => `DROP SCHEMA ${ident(s)}`),
    ],
    [
      ...changed(s0.sequences, s1.sequences, (s) => s.qualified).map(
        (s) => `the up drops or alters sequence ${s.qualified}`,
      ),
      ...changed(s0.enums, s1.enums, enumKey).map(
        (e) => `the up drops or changes enum ${enumKey(e)} (PostgreSQL cannot remove a value from an enum)`,
      ),
      ...changed(s0.extensions, s1.extensions, (e) => e.name).map(
        (e) => `the up drops or changes extension ${e.name}`,
      ),
      ...s0.schemas.filter((s) => !s1.schemas.includes(s)).map((s) => `the up drops schema ${s}`),
      ...changed(s0.policies, s1.policies, (p) => `${p.table.qualified}.${p.name}`).map(
        (p) => `the up drops or changes policy ${p.name} on ${p.table.qualified}`,
      ),
    ],
  );
}

/** Policies the up created on tables that stay. */
export function policyDrops(s0: CatalogSnapshot, s1: CatalogSnapshot): DownPart {
  const tables = new Set(s0.tables.map((t) => t.qualified));
  const before = new Set(s0.policies.map((p) => `${p.table.qualified}.${p.name}`));
  return part(
    s1.policies
      .filter((p) => tables.has(p.table.qualified) && !before.has(`${p.table.qualified}.${p.name}`))
      .map((p) => `DROP POLICY ${ident(p.name)} ON ${p.table.qualified}`),
  );
}
