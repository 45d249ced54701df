import type Database from 'better-sqlite3';
import { decodePosition, encodePosition } from './schema.js';

/** One generation of a projection: its version and how far it has read. */
export interface GenerationRecord {
  readonly generation: number;
  readonly version: number;
  readonly position: bigint | undefined;
  readonly active: boolean;
}

interface CheckpointRow {
  generation: number;
  version: number;
  position: string | null;
  active: number;
}

const toRecord = (row: CheckpointRow): GenerationRecord => ({
  generation: row.generation,
  version: row.version,
  position: row.position === null ? undefined : decodePosition(row.position),
  active: row.active === 1,
});

/** Statements over `projection_checkpoints`; the checkpoint is written inside each batch's transaction. */
export class Checkpoints {
  private readonly select: Database.Statement<[string], CheckpointRow>;
  private readonly insert: Database.Statement;
  private readonly update: Database.Statement;
  private readonly deactivate: Database.Statement;
  private readonly activateOne: Database.Statement;
  private readonly removeOne: Database.Statement;

  constructor(db: Database.Database) {
    this.select = db.prepare(
      'SELECT generation, version, position, active FROM projection_checkpoints WHERE projection = ? ORDER BY generation',
    );
    this.insert = db.prepare(
      'INSERT INTO projection_checkpoints (projection, generation, version, position, active) VALUES (?, ?, ?, NULL, ?)',
    );
    this.update = db.prepare('UPDATE projection_checkpoints SET position = ? WHERE projection = ? AND generation = ?');
    this.deactivate = db.prepare('UPDATE projection_checkpoints SET active = 0 WHERE projection = ?');
    this.activateOne = db.prepare(
      'UPDATE projection_checkpoints SET active = 1 WHERE projection = ? AND generation = ?',
    );
    this.removeOne = db.prepare('DELETE FROM projection_checkpoints WHERE projection = ? AND generation = ?');
  }

  /** Every generation of `projection`, oldest first. */
  all(projection: string): GenerationRecord[] {
    return this.select.all(projection).map(toRecord);
  }

  /** The generation queries are answered from, if any. */
  active(projection: string): GenerationRecord | undefined {
    return this.all(projection).find((record) => record.active);
  }

  /** Registers a new generation (position: nothing read yet) and returns its number. */
  create(projection: string, version: number, active: boolean): number {
    const generation = Math.max(0, ...this.all(projection).map((r) => r.generation)) + 1;
    this.insert.run(projection, generation, version, active ? 1 : 0);
    return generation;
  }

  save(projection: string, generation: number, position: bigint): void {
    this.update.run(encodePosition(position), projection, generation);
  }

  activate(projection: string, generation: number): void {
    this.deactivate.run(projection);
    this.activateOne.run(projection, generation);
  }

  remove(projection: string, generation: number): void {
    this.removeOne.run(projection, generation);
  }
}
