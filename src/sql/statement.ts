import type { Node } from '@pgsql/types';
import type { SourceSpan } from '../diagnostics/source-span.js';
import type { NodeTag } from './node-types.js';
import type { TextRange } from './positions.js';

/**
 * One top-level SQL statement of a file.
 *
 * `start`/`end` are UTF-16 indices into the file as read: from the first token (leading whitespace
 * and comments excluded) to the end of the last token, WITHOUT the terminating semicolon; `text`
 * is exactly that slice. Every `location` field inside `node` has been rewritten from libpg-query's
 * byte offset into the same kind of UTF-16 index into the file, so rules can call
 * `source.spanOf(file, node.location, ...)` directly. A location of -1 (unknown) is kept as -1.
 */
export interface Statement extends TextRange {
  readonly index: number;
  readonly kind: NodeTag;
  readonly node: Node;
  readonly text: string;
  readonly span: SourceSpan;
  /** For `COPY ... FROM stdin`: the data lines that followed it, without the `\.` terminator. */
  readonly copyData?: string;
}
