import type { Engine } from '../engine/engine.js';
import type { RelationState } from '../observe/relation-state.js';
import { fillTables } from '../observe/synthetic-rows.js';

/**
 * Tables that existed before a migration have rows in production. A few synthetic rows in each make
 * the engine show what a statement does to rows: the rewrite, the scan, the NOT NULL that fails.
 * Each table is filled once, the first time a migration finds it already there; known by oid, so a
 * table dropped and created again (a down and up run for real by verify) is a new one and gets rows.
 */
export class SyntheticRows {
  private readonly done = new Set<number>();

  async fillNewTables(engine: Engine, state: RelationState): Promise<void> {
    const tables = [...state.relations.values()].filter(
      (relation) => relation.kind === 'table' && !this.done.has(relation.oid),
    );
    if (tables.length === 0) return;
    await fillTables(
      engine,
      tables.map((relation) => relation.name),
    );
    for (const table of tables) this.done.add(table.oid);
  }
}
