import type { AlterTableCmd, ColumnDef, Constraint, Node } from '@pgsql/types';
import { quoteIdent } from '../../sql/quote.js';
import type { Statement } from '../../sql/statement.js';
import { clauseAt } from './clause-text.js';
import { addColumnByBackfill, computeOnWrite, repackRecipe, typeSwapRecipe } from './rewrite-recipes.js';

/** What in a statement made PostgreSQL rewrite the table, and the way to the same end without it. */
export interface RewriteCause {
  readonly label: string;
  /**
   * Always rewrites (VACUUM FULL, a stored generated column...). A default or a type change rewrites
   * only sometimes; when several commands could be the cause, the certain ones are named.
   */
  readonly certain: boolean;
  readonly recipe: string;
}

export interface RewriteTarget {
  /** Schema-qualified, as the observation names it. */
  readonly table: string;
  readonly tableName: string;
  readonly serverVersion: number;
}

const SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8']);
const SERIAL_AS: Readonly<Record<string, string>> = {
  smallserial: 'smallint',
  serial2: 'smallint',
  serial: 'integer',
  serial4: 'integer',
};

/** The next location after `at`: where the clause at `at` ends at the latest. */
function firstAfter(locations: readonly number[], at: number): number | undefined {
  const later = locations.filter((l) => l > at);
  return later.length > 0 ? Math.min(...later) : undefined;
}

function constraintsOf(def: ColumnDef): Constraint[] {
  return (def.constraints ?? []).flatMap((c) => ('Constraint' in c && c.Constraint ? [c.Constraint] : []));
}

function addColumnCause(
  statement: Statement,
  def: ColumnDef,
  target: RewriteTarget,
): RewriteCause | undefined {
  const column = def.colname ?? '';
  const constraints = constraintsOf(def);
  const stops = constraints.map((c) => c.location ?? -1);
  const text = (at: number): string => clauseAt(statement, at, firstAfter(stops, at));
  const typeName = def.typeName?.names?.at(-1);
  const typeWord = typeName && 'String' in typeName ? (typeName.String?.sval ?? '') : '';
  const type = def.typeName?.location === undefined ? typeWord : text(def.typeName.location);
  const notNull = constraints.some((c) => c.contype === 'CONSTR_NOTNULL' || c.contype === 'CONSTR_PRIMARY');
  const base = { table: target.table, tableName: target.tableName, column, type, notNull };
  const col = quoteIdent(column);
  const identity = constraints.find((c) => c.contype === 'CONSTR_IDENTITY');
  const serial = SERIAL_TYPES.has(typeWord.toLowerCase());
  if (identity || serial) {
    const seq = quoteIdent(`${target.tableName}_${column}_seq`);
    const seqType = serial ? (SERIAL_AS[typeWord.toLowerCase()] ?? 'bigint') : type;
    const kind = identity?.generated_when === 'd' ? 'BY DEFAULT' : 'ALWAYS';
    return {
      label: identity
        ? `the identity column ${col}`
        : `the ${typeWord} column ${col} (a nextval default per row)`,
      certain: true,
      recipe: addColumnByBackfill({
        ...base,
        type: seqType,
        notNull: true,
        value: `nextval('${seq}')`,
        forNewRows: [
          `CREATE SEQUENCE ${seq} AS ${seqType} OWNED BY ${target.table}.${col};`,
          `ALTER TABLE ${target.table} ALTER COLUMN ${col} SET DEFAULT nextval('${seq}');`,
        ],
        ...(identity && {
          finally: [
            '-- 5. Hand the numbering over to an identity, in one short transaction.',
            'BEGIN;',
            "SET LOCAL lock_timeout = '5s';",
            `ALTER TABLE ${target.table} ALTER COLUMN ${col} DROP DEFAULT;`,
            `ALTER TABLE ${target.table} ALTER COLUMN ${col} ADD GENERATED ${kind} AS IDENTITY;`,
            `SELECT setval(pg_get_serial_sequence('${target.table}', '${column}'), nextval('${seq}'));`,
            `DROP SEQUENCE ${seq};`,
            'COMMIT;',
          ],
        }),
      }),
    };
  }
  const generated = constraints.find((c) => c.contype === 'CONSTR_GENERATED');
  if (generated) {
    const expression = /\bas\s*(\([\s\S]*\))/i.exec(text(generated.location ?? 0))?.[1] ?? '(...)';
    const stored = addColumnByBackfill({
      ...base,
      value: expression,
      forNewRows: computeOnWrite(target.table, target.tableName, column, expression),
    });
    return {
      label: `the stored generated column ${col}`,
      certain: true,
      recipe:
        target.serverVersion >= 180000
          ? `-- A virtual generated column is computed when read: adding it touches only the catalog.\nALTER TABLE ${target.table} ADD COLUMN ${col} ${type} GENERATED ALWAYS AS ${expression} VIRTUAL;\n-- If it must be stored (to index it): a plain column, filled by a trigger and a batched backfill.\n${stored.replace(/^/gm, '-- ')}`
          : stored,
    };
  }
  const fallback = constraints.find((c) => c.contype === 'CONSTR_DEFAULT');
  if (!fallback) return undefined;
  const value = text(fallback.location ?? 0).replace(/^default\s+/i, '');
  return {
    label: `ADD COLUMN ${col} with the volatile default ${value}`,
    certain: false,
    recipe: addColumnByBackfill({
      ...base,
      value,
      forNewRows: [`ALTER TABLE ${target.table} ALTER COLUMN ${col} SET DEFAULT ${value};`],
    }),
  };
}

function alterCause(
  statement: Statement,
  cmd: AlterTableCmd,
  target: RewriteTarget,
): RewriteCause | undefined {
  const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
  switch (cmd.subtype) {
    case 'AT_AddColumn':
      return def && addColumnCause(statement, def, target);
    case 'AT_AlterColumnType': {
      const column = cmd.name ?? '';
      const written = def?.typeName?.location === undefined ? '' : clauseAt(statement, def.typeName.location);
      const [type = written, using] = written.split(/\s+using\s+/i);
      const col = quoteIdent(column);
      return {
        label: `ALTER COLUMN ${col} TYPE ${type}`,
        certain: false,
        recipe: typeSwapRecipe(target.table, target.tableName, column, type, using ?? `${col}::${type}`),
      };
    }
    case 'AT_SetLogged':
    case 'AT_SetUnLogged': {
      const what = cmd.subtype === 'AT_SetLogged' ? 'SET LOGGED' : 'SET UNLOGGED';
      return {
        label: what,
        certain: true,
        recipe: [
          `-- ${what} copies ${target.table} under ACCESS EXCLUSIVE; there is no online form.`,
          '-- Create a new table with the persistence you want, copy the rows in batches while a trigger',
          '-- mirrors writes, and swap the names in one short transaction; or run it in a maintenance window.',
        ].join('\n'),
      };
    }
    case 'AT_SetTableSpace':
      return {
        label: `SET TABLESPACE ${cmd.name ?? ''}`,
        certain: true,
        recipe: repackRecipe(
          target.table,
          'SET TABLESPACE',
          ` --tablespace=${cmd.name ?? '<tablespace>'} --moveidx`,
        ),
      };
    default:
      return undefined;
  }
}

/** The parts of the statement that could have made PostgreSQL rewrite the table; none for "this statement". */
export function rewriteCauses(statement: Statement, target: RewriteTarget): readonly RewriteCause[] {
  const node: Node = statement.node;
  if ('AlterTableStmt' in node) {
    const causes = (node.AlterTableStmt.cmds ?? []).flatMap((c) =>
      'AlterTableCmd' in c && c.AlterTableCmd ? (alterCause(statement, c.AlterTableCmd, target) ?? []) : [],
    );
    const certain = causes.filter((c) => c.certain);
    return certain.length > 0 ? certain : causes;
  }
  const full =
    'VacuumStmt' in node &&
    (node.VacuumStmt.options ?? []).some((o) => 'DefElem' in o && o.DefElem?.defname === 'full');
  if (full)
    return [
      {
        label: 'VACUUM FULL',
        certain: true,
        recipe: repackRecipe(target.table, 'VACUUM FULL', ' --no-order'),
      },
    ];
  if ('ClusterStmt' in node)
    return [
      {
        label: 'CLUSTER',
        certain: true,
        recipe: repackRecipe(target.table, 'CLUSTER', ' (it keeps the clustering index order)'),
      },
    ];
  return [];
}
