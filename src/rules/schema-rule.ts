import type { CatalogSnapshot, Constraint, Index, Table } from '../catalog/model.js';
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { RuleMeta } from '../diagnostics/rule-meta.js';
import type { SourceSpan } from '../diagnostics/source-span.js';

/** What a rule reports; the runner adds rule, category, severity and docsUrl from the meta and config. */
export type Finding = Omit<Diagnostic, 'rule' | 'category' | 'severity' | 'docsUrl'> & {
  /**
   * For a rule whose cases differ in gravity: this finding's severity in place of
   * meta.defaultSeverity. A severity set in the config still wins.
   */
  readonly severity?: Severity;
};

/** Identifies a catalog object whose defining statement a rule wants to point at. */
export type ObjectRef =
  | { readonly kind: 'constraint'; readonly constraint: Constraint }
  | { readonly kind: 'index'; readonly index: Index }
  | { readonly kind: 'table'; readonly table: Table }
  /** The column's definition in the table's statement, else in a later ALTER TABLE ... ADD COLUMN. */
  | { readonly kind: 'column'; readonly table: Table; readonly column: string };

export interface SchemaRuleContext {
  readonly catalog: CatalogSnapshot;
  /** Threshold values after config overrides, keyed like meta.thresholds. */
  readonly thresholds: Readonly<Record<string, number>>;
  /** The source statement (or clause within it) that created the object, when it came from a file. */
  locate(ref: ObjectRef): SourceSpan | undefined;
}

/** A rule over a catalog snapshot: works the same on a schema file and on a live database. */
export interface SchemaRule {
  readonly meta: RuleMeta;
  check(ctx: SchemaRuleContext): readonly Finding[];
}
