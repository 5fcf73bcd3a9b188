export type { CatalogChange, ChangedObject, ChangeKind } from './diff/catalog-change.js';
export { renderIndexKey } from './diff/indexes.js';
export { diffCatalogs } from './diff.js';
export type * from './model.js';
export { readCatalog } from './read-catalog.js';
