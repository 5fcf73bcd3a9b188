import { beforeAll, describe, expect, it } from 'vitest';
import { NODE_TAGS, UNWRAPPED_FIELDS } from '../../src/sql/node-schema.js';
import { initSql } from '../../src/sql/parser.js';
import { splitStatements } from '../../src/sql/split.js';
import { collect, type NodePath, walk } from '../../src/sql/walk.js';
import { readNodeSchema } from './support/node-schema-source.js';

beforeAll(initSql);

const DDL =
  'CREATE TABLE t (id bigint PRIMARY KEY, owner_id int REFERENCES o (id), name varchar(20) NOT NULL, CHECK (id > 0));';

function statementNode(sql: string) {
  const [statement] = splitStatements(sql, 'w.sql').statements;
  if (!statement) throw new Error('no statement');
  return statement.node;
}

describe('walk', () => {
  it('visits wrapped and unwrapped nodes with their ancestors', () => {
    const seen: [string | undefined, string[]][] = [];
    walk(statementNode(DDL), {
      Constraint(node, path: NodePath) {
        seen.push([node.contype, path.ancestors.map((ancestor) => ancestor.type)]);
      },
    });
    expect(seen).toEqual([
      ['CONSTR_PRIMARY', ['CreateStmt', 'ColumnDef']],
      ['CONSTR_FOREIGN', ['CreateStmt', 'ColumnDef']],
      ['CONSTR_NOTNULL', ['CreateStmt', 'ColumnDef']],
      ['CONSTR_CHECK', ['CreateStmt']],
    ]);
  });

  it('collects bare nodes such as ColumnDef.typeName and CreateStmt.relation', () => {
    const node = statementNode(DDL);
    const typeNames = collect(node, 'TypeName').map((type) =>
      type.names?.map((n) => (n as { String: { sval: string } }).String.sval).join('.'),
    );
    expect(typeNames).toEqual(['pg_catalog.int8', 'pg_catalog.int4', 'pg_catalog.varchar']);
    expect(collect(node, 'RangeVar').map((range) => range.relname)).toEqual(['t', 'o']);
  });

  it('skips the children of a node when the visitor returns false', () => {
    const node = statementNode('SELECT a FROM (SELECT b FROM c) AS sub');
    const columns: string[] = [];
    walk(node, {
      RangeSubselect: () => false,
      ColumnRef(ref) {
        columns.push(JSON.stringify(ref.fields));
      },
    });
    expect(columns).toEqual([JSON.stringify([{ String: { sval: 'a' } }])]);
  });

  it('uses a node schema that matches the installed @pgsql/types', () => {
    const schema = readNodeSchema();
    expect([...NODE_TAGS]).toEqual(schema.tags);
    expect(UNWRAPPED_FIELDS).toEqual(schema.unwrapped);
    expect(schema.unwrapped.ColumnDef?.typeName).toBe('TypeName');
  });
});
