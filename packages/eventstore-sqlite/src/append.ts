import {
  EventIdConflictError,
  findRepeat,
  GENESIS_HASH,
  revisionMatches,
  WrongExpectedRevisionError,
  type AppendResult,
  type NewEvent,
  type StreamAppend,
} from '@salesbook/eventstore';
import type { HeadRow, Statements } from './statements.js';
import { toStoredForm } from './stored-form.js';

/**
 * Which unique key SQLite refused a row for, if that is what it did. Duck-typed, not `instanceof`:
 * better-sqlite3's native side keeps the error class of the first realm that loaded it (jest runs each
 * test file in its own realm).
 */
const refusedKey = (error: unknown): 'event_id' | 'revision' | undefined => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'SQLITE_CONSTRAINT_UNIQUE' || typeof message !== 'string') return undefined;
  return message.includes('events.event_id') ? 'event_id' : 'revision';
};

/** {@link findRepeat} on the file: ids looked up by the unique index on `event_id`. */
function repeatOf(statements: Statements, streamName: string, events: readonly NewEvent[]): AppendResult | undefined {
  return findRepeat(streamName, events, (eventId) => {
    const row = statements.storedId.get(eventId);
    return row === undefined ? undefined : { streamName: row[0], revision: row[1], position: BigInt(row[2]) };
  });
}

/**
 * One stream's part of an append, run inside the caller's IMMEDIATE transaction (so the head it
 * reads cannot move before the insert). The common case costs one index lookup for the head and
 * one insert per event: repeats are detected by the unique event id refusing the first insert,
 * and only a conflict pays for looking the ids up.
 */
export function appendInTransaction(statements: Statements, part: StreamAppend, recordedAt: string): AppendResult {
  const { streamName, events } = part;
  const expected = part.expectedRevision ?? 'any';
  const head = statements.head.get(streamName);
  const current = head?.[0];
  if (!revisionMatches(expected, current)) {
    const repeat = repeatOf(statements, streamName, events);
    if (repeat !== undefined) return repeat;
    throw new WrongExpectedRevisionError(streamName, expected, current ?? 'no_stream');
  }
  if (events.length === 0) return emptyAppend(statements, head);
  let previousHash = head?.[1] ?? GENESIS_HASH;
  let revision = current ?? -1;
  let position = 0;
  const hashes = new Array<string>(events.length);
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] as NewEvent;
    const form = toStoredForm(previousHash, event);
    previousHash = form.hash;
    hashes[index] = form.hash;
    revision += 1;
    try {
      const result = statements.insert.run(
        streamName,
        revision,
        event.eventId,
        event.type,
        form.data,
        form.metadata,
        recordedAt,
      );
      position = Number(result.lastInsertRowid);
    } catch (error) {
      const key = refusedKey(error);
      // Only a writer that bypassed the write lock can take a revision: to the caller, a lost race.
      if (key === 'revision')
        throw new WrongExpectedRevisionError(streamName, expected, current ?? 'no_stream', { cause: error });
      if (key === undefined) throw error;
      // A failed statement undoes only itself: nothing of this batch is written when index is 0.
      const repeat = index === 0 ? repeatOf(statements, streamName, events) : undefined;
      if (repeat !== undefined) return repeat;
      throw new EventIdConflictError(streamName, event.eventId);
    }
  }
  return { nextExpectedRevision: revision, position: BigInt(position), hashes };
}

/** An empty batch writes nothing and reports where the stream (or, without one, the store) stands. */
function emptyAppend(statements: Statements, head: HeadRow | undefined): AppendResult {
  if (head !== undefined) return { nextExpectedRevision: head[0], position: BigInt(head[2]) };
  return { nextExpectedRevision: -1, position: BigInt(statements.headPosition.get()?.[0] ?? 0) };
}
