/** The one shape every finding takes. The JSON reporter prints exactly this. */

export type Severity = 'error' | 'warning' | 'info';

export type Category =
  | 'locking'
  | 'correctness'
  | 'compatibility'
  | 'reversibility'
  | 'performance'
  | 'pooling'
  | 'style'
  | 'security';

export interface TextEdit {
  /** UTF-16 offsets into the file as read (JavaScript string indices). */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface Fix {
  readonly title: string;
  readonly kind: 'safe' | 'suggestion';
  readonly edits: readonly TextEdit[];
}

export interface Diagnostic {
  readonly rule: string;
  readonly category: Category;
  readonly severity: Severity;
  readonly message: string;
  readonly why?: string;
  readonly help?: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly suggestedSql?: string;
  readonly fix?: Fix;
  readonly data?: Readonly<Record<string, unknown>>;
  readonly docsUrl?: string;
}

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };
