import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface NodeSchema {
  readonly tags: readonly string[];
  readonly unwrapped: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/**
 * Reads from @pgsql/types' declarations which names are node tags and which fields hold bare
 * (unwrapped) nodes, so src/sql/node-schema.ts is derived, never hand-kept. A test compares the
 * committed table with this; `npx tsx test/sql/support/write-node-schema.ts` regenerates it.
 */
export function readNodeSchema(): NodeSchema {
  const declarations = readFileSync(typesDeclarationPath(), 'utf8');
  const union = /export type Node = ([\s\S]*?\});\n/.exec(declarations)?.[1] ?? '';
  const tags = [...union.matchAll(/\{\s*(\w+): \w+;\s*\}/g)].map((match) => match[1] as string);
  const interfaces = new Map(
    [...declarations.matchAll(/export interface (\w+) \{\n([\s\S]*?)\n\}/g)].map(
      (match) => [match[1] as string, match[2] as string] as const,
    ),
  );
  const unwrapped: Record<string, Record<string, string>> = {};
  for (const [name, body] of interfaces) {
    const fields = [...body.matchAll(/^\s+(\w+)\??: (\w+)(\[\])?;$/gm)].filter(
      (field) => field[2] !== 'Node' && interfaces.has(field[2] as string),
    );
    if (fields.length > 0) {
      unwrapped[name] = Object.fromEntries(fields.map((field) => [field[1] as string, field[2] as string]));
    }
  }
  return { tags, unwrapped };
}

export function renderNodeSchema(schema: NodeSchema): string {
  return [
    '// Generated from @pgsql/types by test/sql/support/write-node-schema.ts. Do not edit by hand.',
    '',
    '/** Every node type name that appears wrapped as `{ Name: {...} }` in a parse tree. */',
    `export const NODE_TAGS: ReadonlySet<string> = new Set(${JSON.stringify(schema.tags)});`,
    '',
    '/** Fields that hold a node (or array of nodes) of a known type without the `{ Name: ... }` wrapper. */',
    `export const UNWRAPPED_FIELDS: Readonly<Record<string, Readonly<Record<string, string>>>> = ${JSON.stringify(schema.unwrapped)};`,
    '',
  ].join('\n');
}

function typesDeclarationPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@pgsql/types/package.json')), 'types.d.ts');
}
