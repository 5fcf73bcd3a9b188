/** A place in a user's file. Lines and columns are 1-based, columns count UTF-16 code units + 1. */
export interface SourceSpan {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}
