import { readFileSync } from 'node:fs';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert } from '../model/table.js';

/** The name of {@link seenProjection}. */
export const SEEN = 'test_seen';

/** The last position seen of each event type. */
const lastSeen = defineTable<{ type: string; position: string }, 'type'>({
  name: 'test_last_seen',
  columns: { type: 'TEXT', position: 'TEXT' },
  primaryKey: ['type'],
});

/** A projection that writes one row per event type: every event is a write, so every batch has one to commit. */
export const seenProjection: Projection = {
  name: SEEN,
  version: 1,
  tables: [lastSeen],
  project: (event) => [upsert(lastSeen, { type: event.type, position: event.position.toString() })],
};

/**
 * Commits in a WAL file so far: frames whose header carries the database size after the commit (SQLite's WAL
 * format: a 32-byte file header, then per frame a 24-byte header, bytes 4-7 non-zero on a commit, and one page).
 */
export function walCommits(walPath: string, pageSize: number): number {
  const wal = readFileSync(walPath);
  let commits = 0;
  for (let offset = 32; offset + 24 + pageSize <= wal.length; offset += 24 + pageSize)
    if (wal.readUInt32BE(offset + 4) !== 0) commits += 1;
  return commits;
}
