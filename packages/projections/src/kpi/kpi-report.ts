import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import type { Freshness } from '../runner/status.js';
import { activePosition } from '../runner/statements.js';

/**
 * Runs a report that joins several projections in one read transaction. The position it carries is the
 * lowest checkpoint among them (every one has applied at least the events up to it; `null` if any has applied
 * none) and the lag the highest, so a client waiting for its write's position is never told too early.
 */
export function readJoinedReport<T>(
  db: Database.Database,
  projections: readonly string[],
  lagOf: LagOf,
  read: () => T,
): Freshness & { readonly report: T } {
  return db.transaction(() => {
    const report = read();
    let lowest: bigint | null = null;
    let missing = false;
    for (const name of projections) {
      const text = activePosition(db, name);
      if (text === null || text === undefined) missing = true;
      else if (lowest === null || BigInt(text) < lowest) lowest = BigInt(text);
    }
    const lag = Math.max(0, ...projections.map((name) => lagOf(name)));
    return { report, position: missing || lowest === null ? null : lowest.toString(), lag };
  })();
}
