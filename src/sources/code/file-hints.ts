import type * as TS from 'typescript';
import { type DbLibrary, libraryOfModule, NOT_POSTGRES_MODULES } from './db-libraries.js';
import { readChain } from './query-chain.js';
import { ts } from './typescript.js';

/** What one file says about its database handles, before any call is judged. */
export interface FileHints {
  /** Names bound to a library: its imports, handles made from them, parameters typed with them. */
  readonly roots: ReadonlyMap<string, DbLibrary>;
  readonly imported: ReadonlySet<DbLibrary>;
  /** The file imports a GraphQL or MongoDB client, whose `.query(…)` / `findOne(…)` are not PostgreSQL. */
  readonly notPostgres: boolean;
}

const typeRoot = (type: TS.TypeNode | undefined): string | undefined => {
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  let name: TS.EntityName = type.typeName;
  while (ts.isQualifiedName(name)) name = name.left;
  return name.text;
};

/** Methods that hand out another handle of the same library (not rows). */
const HANDLE_MAKERS = new Set([
  'connect',
  'getRepository',
  'getTreeRepository',
  'getMongoRepository',
  'createQueryRunner',
  'define',
  'withSchema',
  'schema',
]);

/**
 * The library a declaration's initializer makes a handle of: `new Pool()`, `postgres(url)`,
 * `await pool.connect()`, `dataSource.getRepository(User)`; rows a query returns are no handle.
 */
function initializerLibrary(
  init: TS.Expression,
  roots: ReadonlyMap<string, DbLibrary>,
): DbLibrary | undefined {
  let expr = init;
  while (ts.isAwaitExpression(expr) || ts.isParenthesizedExpression(expr)) expr = expr.expression;
  const made = ts.isNewExpression(expr);
  const links = readChain(made ? (expr as TS.NewExpression).expression : expr)?.links;
  const root = links?.[0]?.name;
  if (!links || root === undefined) return undefined;
  const handle =
    made || (links.length === 1 && !links[0]?.tagged) || HANDLE_MAKERS.has(links.at(-1)?.name ?? '');
  return handle ? roots.get(root) : undefined;
}

export function fileHints(sourceFile: TS.SourceFile): FileHints {
  const roots = new Map<string, DbLibrary>();
  const imported = new Set<DbLibrary>();
  let notPostgres = false;
  const bind = (name: TS.BindingName | undefined, library: DbLibrary | undefined) => {
    if (name && library && ts.isIdentifier(name)) roots.set(name.text, library);
  };
  const visit = (node: TS.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const specifier = node.moduleSpecifier.text;
      if (NOT_POSTGRES_MODULES.some((m) => specifier === m || specifier.startsWith(`${m}/`)))
        notPostgres = true;
      const library = libraryOfModule(specifier);
      const clause = node.importClause;
      if (library && clause) {
        imported.add(library);
        bind(clause.name, library);
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) bind(bindings.name, library);
        else if (bindings) for (const element of bindings.elements) bind(element.name, library);
      }
    } else if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isPropertyDeclaration(node)) {
      const fromType = typeRoot(node.type);
      const library =
        (fromType && roots.get(fromType)) ||
        (node.initializer ? initializerLibrary(node.initializer, roots) : undefined);
      if (ts.isIdentifier(node.name)) bind(node.name, library);
    } else if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'require'
    ) {
      const [arg] = node.arguments;
      const library = arg && ts.isStringLiteral(arg) ? libraryOfModule(arg.text) : undefined;
      if (library && ts.isVariableDeclaration(node.parent)) {
        imported.add(library);
        const name = node.parent.name;
        if (ts.isObjectBindingPattern(name)) for (const element of name.elements) bind(element.name, library);
        else bind(name, library);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { roots, imported, notPostgres };
}
