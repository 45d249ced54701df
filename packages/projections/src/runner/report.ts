import type Database from 'better-sqlite3';
import type { ReportResult } from './status.js';
import { activePosition } from './statements.js';

/** The lag of a projection by name, e.g. `(name) => runner.freshness(name).lag`. */
export type LagOf = (projection: string) => number;

/**
 * Runs a report's read and the read of its projection's checkpoint in one transaction, so the position a
 * result carries is exactly the one its rows were computed at (also on another connection or process).
 */
export function readReport<T>(
  db: Database.Database,
  projection: string,
  lagOf: LagOf,
  read: () => readonly T[],
): ReportResult<T> {
  return db.transaction(() => {
    const rows = read();
    const text = activePosition(db, projection);
    return {
      rows,
      position: text === null || text === undefined ? null : BigInt(text).toString(),
      lag: lagOf(projection),
    };
  })();
}
