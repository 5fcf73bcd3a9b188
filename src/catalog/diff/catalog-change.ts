export type ChangeKind = 'added' | 'removed' | 'changed';

export type ChangedObject =
  | 'table'
  | 'column'
  | 'index'
  | 'constraint'
  | 'sequence'
  | 'view'
  | 'enum'
  | 'function'
  | 'trigger'
  | 'policy'
  | 'extension'
  | 'schema'
  | 'comment';

/** One difference between two catalog snapshots, said in words. */
export interface CatalogChange {
  readonly change: ChangeKind;
  readonly object: ChangedObject;
  /** Qualified name of the object (for a comment: of the object it is on). */
  readonly name: string;
  /** How a sentence names the object: `column public.posts.title`, `comment on table public.posts`. */
  readonly label: string;
  /** The fact that changed (`type`, `default`, `keys`, ...), for a change of one named property. */
  readonly property?: string;
  readonly before?: string;
  readonly after?: string;
  readonly description: string;
}
