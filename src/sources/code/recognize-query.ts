import type * as TS from 'typescript';
import type { DbLibrary } from './db-libraries.js';
import type { FileHints } from './file-hints.js';
import type { ChainLink, QueryChain } from './query-chain.js';
import { MATCHES } from './query-shapes.js';
import { SETTLE, WRITE_SQL, WRITES } from './shape-names.js';
import { ts } from './typescript.js';

/** How a file's receivers are told apart: its hints, and a type checker's answer when there is a program. */
export interface Recognizer {
  readonly hints: FileHints;
  /** From a type checker: the handle's library, `other` for a known type that is none, undefined when unknown. */
  readonly typeOf?: (node: TS.Expression) => DbLibrary | 'other' | undefined;
}

/** A database read recognised in a chain. `then` is set when the chain ends in `.then/.catch/.finally`. */
export interface RecognizedQuery {
  readonly library: DbLibrary;
  readonly method: string;
  readonly thenned: boolean;
}

/** The SQL text a raw call starts with, when it is written in place. */
function sqlHead(link: ChainLink): string | undefined {
  if (link.tagged && ts.isTaggedTemplateExpression(link.node)) {
    const template = link.node.template;
    return ts.isNoSubstitutionTemplateLiteral(template) ? template.text : template.head.text;
  }
  const arg = link.args?.[0];
  if (!arg) return undefined;
  if (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) return arg.text;
  if (ts.isTemplateExpression(arg)) return arg.head.text;
  return undefined;
}

const RAW: ReadonlySet<DbLibrary> = new Set(['node-postgres', 'postgres.js', 'TypeORM', 'Sequelize']);

/** The database read a chain performs, or undefined: a write, a builder of another kind, a look-alike. */
export function recognizeQuery(r: Recognizer, chain: QueryChain): RecognizedQuery | undefined {
  let end = chain.links.length;
  while (end > 1 && SETTLE.has(chain.links[end - 1]?.name ?? '')) end--;
  const links = chain.links.slice(0, end);
  if (links.some((l) => WRITES.has(l.name))) return undefined;
  for (let at = 0; at < links.length; at++)
    for (const match of MATCHES) {
      const library = match(r, links, at);
      if (!library) continue;
      const link = links[at] as ChainLink;
      const head = RAW.has(library) ? sqlHead(link) : undefined;
      if (head !== undefined && WRITE_SQL.test(head)) return undefined;
      return { library, method: link.name, thenned: end < chain.links.length };
    }
  return undefined;
}
