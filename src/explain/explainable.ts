/** Statement kinds EXPLAIN accepts: queries and DML (PostgreSQL 15+ for MERGE). */
export const EXPLAINABLE: ReadonlySet<string> = new Set([
  'SelectStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
]);
