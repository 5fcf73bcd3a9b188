import type { Engine } from '../engine/engine.js';
import { pinnedSettings } from './read-catalog.js';

// Objects created after initdb have oids from FirstNormalObjectId on: the user's (and extensions').
const USER_OID = 16384;

/** Column numbers change when a column is dropped and added again: named instead. */
function columnNames(relid: string, attnums: string): string {
  return `(SELECT array_agg(na.attname ORDER BY k.ord) FROM unnest(${attnums}::int2[]) WITH ORDINALITY AS k(attnum, ord)
    LEFT JOIN pg_catalog.pg_attribute na ON na.attrelid = ${relid} AND na.attnum = k.attnum)`;
}

/** Toast tables are named after their table's oid, and the snapshot does not read them. */
function notToast(relid: string): string {
  return `(SELECT tc.relnamespace FROM pg_catalog.pg_class tc WHERE tc.oid = ${relid}) <> 'pg_toast'::regnamespace`;
}

/**
 * One text per catalog row a snapshot is deparsed from, with every oid that names a user object
 * written as that object's name (reg casts: a syscache lookup, no deparse). An object dropped and
 * created again the same way gives the same text under its new oid. Volatile facts (sizes,
 * statistics, relfilenode, sequence positions) are left out, as the snapshot leaves them out.
 * Stored expression trees hold oids, so expressions are deparsed (the few there are); anything
 * still differing for objects made again in another way only costs a full read.
 */
const parts = [
  `SELECT 'n' || nspname FROM pg_catalog.pg_namespace
  WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'`,
  `SELECT 'x' || concat_ws(' ', extname, extversion, extnamespace::regnamespace) FROM pg_catalog.pg_extension`,
  `SELECT 'c' || concat_ws(' ', c.oid::regclass, c.relkind, c.relpersistence, c.relrowsecurity,
    c.relforcerowsecurity, c.relispartition, c.relam, c.reloptions,
    pg_catalog.pg_get_expr(c.relpartbound, c.oid), c.relowner)
  FROM pg_catalog.pg_class c WHERE c.oid >= ${USER_OID} AND c.relnamespace <> 'pg_toast'::regnamespace`,
  `SELECT 'a' || concat_ws(' ', a.attrelid::regclass,
    row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum), a.attname, a.atttypid::regtype, a.atttypmod,
    a.attnotnull, a.attidentity, a.attgenerated, a.attcollation::regcollation, a.attndims,
    pg_catalog.pg_get_expr(ad.adbin, ad.adrelid))
  FROM pg_catalog.pg_attribute a
  LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  WHERE a.attrelid >= ${USER_OID} AND a.attnum > 0 AND NOT a.attisdropped AND ${notToast('a.attrelid')}`,
  `SELECT 'i' || concat_ws(' ', x.indexrelid::regclass, x.indrelid::regclass, x.indnatts, x.indnkeyatts,
    x.indisunique, x.indisprimary, x.indisexclusion, x.indimmediate, x.indisvalid, x.indisready,
    ${columnNames('x.indrelid', 'x.indkey')},
    x.indcollation, x.indclass, x.indoption, pg_catalog.pg_get_expr(x.indexprs, x.indrelid),
    pg_catalog.pg_get_expr(x.indpred, x.indrelid), to_jsonb(x) -> 'indnullsnotdistinct')
  FROM pg_catalog.pg_index x WHERE x.indexrelid >= ${USER_OID} AND ${notToast('x.indrelid')}`,
  `SELECT 'k' || concat_ws(' ', c.conname, c.connamespace::regnamespace, c.conrelid::regclass, c.contype,
    c.condeferrable, c.condeferred, c.convalidated, ${columnNames('c.conrelid', 'c.conkey')},
    ${columnNames('c.confrelid', 'c.confkey')}, c.confrelid::regclass,
    c.confupdtype, c.confdeltype, c.confmatchtype, c.conindid::regclass, c.conislocal, c.coninhcount,
    c.connoinherit, pg_catalog.pg_get_expr(c.conbin, c.conrelid), c.conexclop, c.conparentid <> 0)
  FROM pg_catalog.pg_constraint c WHERE c.oid >= ${USER_OID}`,
  `SELECT 's' || concat_ws(' ', s.seqrelid::regclass, s.seqtypid::regtype, s.seqstart, s.seqincrement,
    s.seqmax, s.seqmin, s.seqcache, s.seqcycle)
  FROM pg_catalog.pg_sequence s WHERE s.seqrelid >= ${USER_OID}`,
  `SELECT 'd' || concat_ws(' ', d.objid::regclass, d.refobjid::regclass, d.refobjsubid, d.deptype)
  FROM pg_catalog.pg_depend d
  WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
    AND d.objid >= ${USER_OID} AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i') AND ${notToast('d.refobjid')}`,
  `SELECT 'h' || concat_ws(' ', i.inhrelid::regclass, i.inhparent::regclass, i.inhseqno)
  FROM pg_catalog.pg_inherits i WHERE i.inhrelid >= ${USER_OID}`,
  `SELECT 'q' || concat_ws(' ', p.partrelid::regclass, p.partstrat, ${columnNames('p.partrelid', 'p.partattrs')}, p.partclass,
    p.partcollation, pg_catalog.pg_get_expr(p.partexprs, p.partrelid))
  FROM pg_catalog.pg_partitioned_table p WHERE p.partrelid >= ${USER_OID}`,
  `SELECT 'r' || concat_ws(' ', r.ev_class::regclass, r.rulename, r.ev_type, r.is_instead,
    pg_catalog.pg_get_ruledef(r.oid))
  FROM pg_catalog.pg_rewrite r WHERE r.oid >= ${USER_OID}`,
  `SELECT 'e' || concat_ws(' ', e.enumtypid::regtype, e.enumsortorder, e.enumlabel)
  FROM pg_catalog.pg_enum e WHERE e.enumtypid >= ${USER_OID}`,
  `SELECT 't' || concat_ws(' ', t.oid::regtype, t.typtype, t.typbasetype::regtype, t.typtypmod,
    t.typnotnull, t.typdefault)
  FROM pg_catalog.pg_type t WHERE t.oid >= ${USER_OID} AND t.typtype IN ('e', 'd')`,
  `SELECT 'f' || concat_ws(' ', p.oid::regprocedure, p.prorettype::regtype, p.prolang, p.prokind,
    p.prosecdef, p.proleakproof, p.proisstrict, p.proretset, p.provolatile, p.proparallel, p.procost,
    p.prorows, p.proargnames, p.proargmodes, p.proallargtypes::regtype[], p.proargdefaults, p.prosrc,
    p.probin, p.proconfig, p.prosqlbody)
  FROM pg_catalog.pg_proc p WHERE p.oid >= ${USER_OID}`,
  `SELECT 'g' || concat_ws(' ', t.tgrelid::regclass, t.tgname, t.tgfoid::regprocedure, t.tgtype, t.tgenabled,
    t.tgisinternal, t.tgdeferrable, t.tginitdeferred, t.tgnargs, ${columnNames('t.tgrelid', 't.tgattr')}, t.tgargs, pg_catalog.pg_get_triggerdef(t.oid),
    t.tgoldtable, t.tgnewtable, t.tgparentid <> 0)
  FROM pg_catalog.pg_trigger t WHERE t.oid >= ${USER_OID} AND NOT t.tgisinternal`,
  `SELECT 'p' || concat_ws(' ', p.polrelid::regclass, p.polname, p.polcmd, p.polpermissive, p.polroles,
    pg_catalog.pg_get_expr(p.polqual, p.polrelid), pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid))
  FROM pg_catalog.pg_policy p WHERE p.oid >= ${USER_OID}`,
  `SELECT 'o' || concat_ws(' ', pg_catalog.pg_describe_object(d.classoid, d.objoid, d.objsubid), d.description)
  FROM pg_catalog.pg_description d WHERE d.objoid >= ${USER_OID}`,
];

// Sorted by the text itself: oids, and so the catalogs' physical order, change when objects are made again.
const fingerprintSql = `SELECT md5(coalesce(string_agg(fact, E'\\n' ORDER BY fact COLLATE "C"), '')) AS hash
FROM (${parts.join('\nUNION ALL\n')}) AS facts(fact)`;

/**
 * A hash of the catalog facts a snapshot is made of, in one cheap query. Equal hashes mean equal
 * snapshots, so the full read and diff can be skipped; different hashes say nothing (an object
 * made again under a new oid that a stored expression references): read and diff then.
 */
export async function catalogFingerprint(engine: Engine): Promise<string> {
  // Reg casts qualify names by search_path: pinned, as for the snapshot itself.
  return engine.transaction(
    async (tx) => {
      await tx.exec(pinnedSettings);
      const { rows } = await tx.query<{ hash: string }>(fingerprintSql);
      return rows[0]?.hash ?? '';
    },
    { rollback: true },
  );
}
