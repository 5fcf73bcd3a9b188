export type { Watchable } from './attach.js';
export { type DetectResult, detectNPlusOne } from './detect-n-plus-one.js';
export type { NPlusOneFinding } from './finding.js';
export { NPlusOneError } from './n-plus-one-error.js';
export type { DetectOptions } from './options.js';
export type { RecordedQuery } from './recorded-query.js';
export type { StackFrame } from './stack.js';
export { type QueryWatch, watchQueries } from './watch-queries.js';
