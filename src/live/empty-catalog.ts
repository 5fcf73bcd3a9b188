import type { CatalogSnapshot } from '../catalog/model.js';

/** Stands in when the catalog could not be read: the rules that need it find nothing, and say why elsewhere. */
export function emptyCatalog(serverVersion: number): CatalogSnapshot {
  return {
    serverVersion,
    schemas: [],
    tables: [],
    indexes: [],
    constraints: [],
    sequences: [],
    views: [],
    enums: [],
    functions: [],
    triggers: [],
    extensions: [],
    policies: [],
  };
}
