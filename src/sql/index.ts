export { fingerprint, normalize } from './fingerprint.js';
export { type AppliedIgnores, applyIgnores, type IgnoreDirective, readIgnores } from './ignore.js';
export type { NodeOf, NodeTag } from './node-types.js';
export { initSql } from './parser.js';
export { type LineColumn, SourceText, type TextRange } from './positions.js';
export { type SplitResult, type SqlComment, splitStatements } from './split.js';
export type { Statement } from './statement.js';
export { type Ancestor, collect, type NodePath, type Visitor, walk } from './walk.js';
