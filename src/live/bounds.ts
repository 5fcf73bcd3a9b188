/**
 * Bounded work per query: health runs against production, so every list query stops at a fixed number
 * of rows, largest (or oldest) first, whatever the size of the schema or the number of sessions.
 */
export const MAX_RELATIONS = 1000;
export const MAX_SESSIONS = 200;
/** Query text shown per session, in characters. */
export const QUERY_TEXT_CHARS = 200;
