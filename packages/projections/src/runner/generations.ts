import type Database from 'better-sqlite3';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { Checkpoints } from './checkpoints.js';
import { createIndexes, createTableSet, dropTableSet, pointViews } from './schema.js';
import { TableSet } from './table-set.js';

/** Opens the active generation of `projection`, creating generation 1 with its views on first use. */
export function openActive(db: Database.Database, projection: Projection, context: ProjectionContext): TableSet {
  const checkpoints = new Checkpoints(db);
  const record = checkpoints.active(projection.name);
  if (record !== undefined) {
    // Indexes declared since this generation was built are added (IF NOT EXISTS: nothing to do otherwise).
    if (record.version === projection.version) createIndexes(db, projection, record.generation);
    return new TableSet(db, projection, record.generation, context, record.position);
  }
  const generation = db.transaction(() => {
    const created = checkpoints.create(projection.name, projection.version, true);
    createTableSet(db, projection, created);
    createIndexes(db, projection, created);
    pointViews(db, projection, created);
    return created;
  })();
  return new TableSet(db, projection, generation, context, undefined, true);
}

/** Creates a fresh, empty, inactive generation of `projection` for a rebuild (indexed when it swaps in). */
export function openFresh(db: Database.Database, projection: Projection, context: ProjectionContext): TableSet {
  const checkpoints = new Checkpoints(db);
  const generation = db.transaction(() => {
    // Leftovers of a rebuild interrupted by a crash are dropped: a rebuild always starts from zero.
    for (const record of checkpoints.all(projection.name).filter((r) => !r.active))
      discard(db, checkpoints, projection, record.generation);
    const created = checkpoints.create(projection.name, projection.version, false);
    createTableSet(db, projection, created);
    return created;
  })();
  return new TableSet(db, projection, generation, context, undefined, true);
}

/** In one transaction: `next` indexed, views to `next`, `next` active with its checkpoint and dead letters, `old` dropped. */
export function swapGenerations(db: Database.Database, projection: Projection, old: number, next: number): void {
  const checkpoints = new Checkpoints(db);
  db.transaction(() => {
    createIndexes(db, projection, next);
    pointViews(db, projection, next);
    checkpoints.activate(projection.name, next);
    discard(db, checkpoints, projection, old);
  })();
}

function discard(db: Database.Database, checkpoints: Checkpoints, projection: Projection, generation: number): void {
  db.prepare('DELETE FROM projection_parked WHERE projection = ? AND generation = ?').run(projection.name, generation);
  checkpoints.remove(projection.name, generation);
  dropTableSet(db, projection, generation);
}
