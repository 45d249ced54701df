import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import type { Freshness } from '../runner/status.js';

/**
 * Runs a report that joins several projections in one read transaction. The position it carries is the
 * lowest checkpoint among them (every one has applied at least the events up to it; `null` if any has applied
 * none) and the lag the highest, so a client waiting for its write's position is never told too early.
 */
export function readJoinedReport<T>(db: Database.Database, projections: readonly string[], lagOf: LagOf, read: () => T): Freshness & { readonly report: T } {
  const position = db.prepare('SELECT position FROM projection_checkpoints WHERE projection = ? AND active = 1').pluck();
  return db.transaction(() => {
    const report = read();
    let lowest: bigint | null = null;
    let missing = false;
    for (const name of projections) {
      const text = position.get(name) as string | null | undefined;
      if (text === null || text === undefined) missing = true;
      else if (lowest === null || BigInt(text) < lowest) lowest = BigInt(text);
    }
    const lag = Math.max(0, ...projections.map((name) => lagOf(name)));
    return { report, position: missing || lowest === null ? null : lowest.toString(), lag };
  })();
}
