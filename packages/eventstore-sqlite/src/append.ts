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
import type { KnownHeads } from './heads.js';
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
 * reads cannot move before the insert). The common case costs one insert per event: the head is the one this
 * connection wrote last (see heads.ts), or a stream expected not to exist is simply started at revision 0, and a
 * refused first insert (the revision taken) sends it to {@link appendAtStoredHead}. Repeats are detected by the
 * unique event id refusing the first insert, and only a conflict pays for looking the ids up.
 */
export function appendInTransaction(
  statements: Statements,
  heads: KnownHeads,
  part: StreamAppend,
  recordedAt: string,
): AppendResult {
  const { streamName, events } = part;
  const expected = part.expectedRevision ?? 'any';
  const known = heads.get(streamName);
  const guessed = known ?? (expected === 'no_stream' ? NO_STREAM : undefined);
  if (
    guessed !== undefined &&
    events.length > 0 &&
    revisionMatches(expected, guessed[0] < 0 ? undefined : guessed[0])
  ) {
    const result = insertEvents(statements, heads, part, guessed, recordedAt);
    if (result !== 'taken') return result;
    heads.delete(streamName);
  }
  return appendAtStoredHead(statements, heads, part, recordedAt);
}

/** A stream not written yet, as a head: the revision before the first and the genesis link. */
const NO_STREAM: HeadRow = [-1, GENESIS_HASH, 0];

/** The part appended after the head as the file has it now (looked up under the write lock). */
function appendAtStoredHead(
  statements: Statements,
  heads: KnownHeads,
  part: StreamAppend,
  recordedAt: string,
): AppendResult {
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
  const result = insertEvents(statements, heads, part, head ?? NO_STREAM, recordedAt);
  // Under the write lock only a writer that bypassed it can take the revision after the head: a lost race.
  if (result === 'taken') throw new WrongExpectedRevisionError(streamName, expected, current ?? 'no_stream');
  return result;
}

/**
 * Inserts the part's events after `head`, chaining each to the one before; `taken` when the first one's revision
 * is already stored (nothing of the part written then). Keeps the new head known.
 */
function insertEvents(
  statements: Statements,
  heads: KnownHeads,
  part: StreamAppend,
  head: HeadRow,
  recordedAt: string,
): AppendResult | 'taken' {
  const { streamName, events } = part;
  let [revision, previousHash] = head;
  let position = 0;
  const hashes = new Array<string>(events.length);
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] as NewEvent;
    const form = toStoredForm(previousHash, event);
    previousHash = form.hash;
    hashes[index] = form.hash;
    revision += 1;
    try {
      position = Number(
        statements.insert.run(streamName, revision, event.eventId, event.type, form.data, form.metadata, recordedAt)
          .lastInsertRowid,
      );
    } catch (error) {
      const refused = refusal(statements, part, { index, after: head[0] }, error);
      if (refused !== undefined) return refused;
      throw error;
    }
  }
  heads.set(streamName, [revision, previousHash, position]);
  return { nextExpectedRevision: revision, position: BigInt(position), hashes };
}

/** What a refused insert means: its revision taken, a repeat of an earlier append, or (thrown) a reused event id. */
function refusal(
  statements: Statements,
  part: StreamAppend,
  { index, after }: { readonly index: number; readonly after: number },
  error: unknown,
): AppendResult | 'taken' | undefined {
  const key = refusedKey(error);
  if (key === undefined) return undefined;
  // A failed statement undoes only itself: nothing of this part is written when index is 0.
  if (key === 'revision') {
    if (index === 0) return 'taken';
    const actual = after < 0 ? 'no_stream' : after;
    throw new WrongExpectedRevisionError(part.streamName, part.expectedRevision ?? 'any', actual, { cause: error });
  }
  const repeat = index === 0 ? repeatOf(statements, part.streamName, part.events) : undefined;
  if (repeat !== undefined) return repeat;
  throw new EventIdConflictError(part.streamName, part.events[index]?.eventId ?? '');
}

/** An empty batch writes nothing and reports where the stream (or, without one, the store) stands. */
function emptyAppend(statements: Statements, head: HeadRow | undefined): AppendResult {
  if (head !== undefined) return { nextExpectedRevision: head[0], position: BigInt(head[2]) };
  return { nextExpectedRevision: -1, position: BigInt(statements.headPosition.get()?.[0] ?? 0) };
}
