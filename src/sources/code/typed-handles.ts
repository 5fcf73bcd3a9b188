import type * as TS from 'typescript';
import { type DbLibrary, libraryOfModule } from './db-libraries.js';
import { ts } from './typescript.js';

/** The package a declaration file belongs to: the last `node_modules/<name>/` of its path (`@types/pg` is pg's). */
function packageOf(fileName: string): string | undefined {
  const match = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(fileName.replaceAll('\\', '/'));
  const name = match?.[1];
  if (name === undefined) return undefined;
  return name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : name;
}

/** The module an ambient declaration sits in: `declare module 'pg' { … }`. */
function ambientModuleOf(node: TS.Node): string | undefined {
  for (let at: TS.Node | undefined = node; at; at = at.parent)
    if (ts.isModuleDeclaration(at) && ts.isStringLiteral(at.name)) return at.name.text;
  return undefined;
}

function libraryOfDeclaration(declaration: TS.Declaration): DbLibrary | undefined {
  const module = ambientModuleOf(declaration) ?? packageOf(declaration.getSourceFile().fileName);
  return module === undefined ? undefined : libraryOfModule(module);
}

function libraryOfSymbol(
  checker: TS.TypeChecker,
  symbol: TS.Symbol | undefined,
  depth: number,
): DbLibrary | undefined {
  if (!symbol || depth > 3) return undefined;
  for (const declaration of symbol.declarations ?? []) {
    const library = libraryOfDeclaration(declaration);
    if (library) return library;
  }
  // A class of the project that extends a library's (a Sequelize Model): its bases decide.
  if (symbol.flags & ts.SymbolFlags.Class) {
    const instance = checker.getDeclaredTypeOfSymbol(symbol);
    if (instance.isClassOrInterface())
      for (const base of checker.getBaseTypes(instance)) {
        const library = libraryOfSymbol(checker, base.getSymbol(), depth + 1);
        if (library) return library;
      }
  }
  return undefined;
}

/** A receiver the checker knows to be something else than a database handle (a class of the project, a Map). */
export const NOT_A_HANDLE = 'other';

/**
 * With a program's type checker: the library whose type an expression has (a pg Pool, a
 * PrismaClient, a Knex, a Sequelize Model class…), whatever the expression's name; NOT_A_HANDLE
 * when its type is known and no library's, so that its name alone does not make it one.
 */
export function typedHandles(
  checker: TS.TypeChecker,
): (node: TS.Expression) => DbLibrary | typeof NOT_A_HANDLE | undefined {
  const known = new Map<TS.Node, DbLibrary | typeof NOT_A_HANDLE | undefined>();
  return (node) => {
    if (!known.has(node)) known.set(node, handleOf(checker, node));
    return known.get(node);
  };
}

function handleOf(checker: TS.TypeChecker, node: TS.Expression): DbLibrary | typeof NOT_A_HANDLE | undefined {
  const type = checker.getNonNullableType(checker.getTypeAtLocation(node));
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown) || type.isUnion()) return undefined;
  const symbol = type.aliasSymbol ?? type.getSymbol() ?? checker.getApparentType(type).getSymbol();
  if (!symbol) return undefined;
  return (
    libraryOfSymbol(checker, type.aliasSymbol, 0) ??
    libraryOfSymbol(checker, type.getSymbol(), 0) ??
    libraryOfSymbol(checker, checker.getApparentType(type).getSymbol(), 0) ??
    NOT_A_HANDLE
  );
}
