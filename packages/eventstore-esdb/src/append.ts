import { NO_STREAM, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';
import {
  EventIdConflictError,
  GENESIS_HASH,
  linkEvents,
  revisionMatches,
  StoreError,
  WrongExpectedRevisionError,
  type AppendResult,
  type ExpectedRevision,
  type NewEvent,
  type RecordedEvent,
} from '@salesbook/eventstore';
import { toEventData } from './convert.js';
import { readHeadPosition, readStreamEvents } from './reads.js';
import { translateEsdbError } from './translate-error.js';
import type { RecentEventIds } from './recent-event-ids.js';
import { DEFAULT_APPEND_RETRY, isRetryable, pause, retryDelay, type AppendRetry } from './retry.js';

/** Attempts of one append that keeps losing the race between reading the head and writing after it. */
const MAX_ATTEMPTS = 100;
const SCAN_PAGE = 500;

/** The original result when `found` is exactly the batch, stored consecutively; a conflict when it is only part. */
function repeatOf(
  streamName: string,
  events: readonly NewEvent[],
  found: readonly RecordedEvent[],
): AppendResult | undefined {
  if (found.length === 0) return undefined;
  const sorted = [...found].sort((a, b) => a.revision - b.revision);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  const same =
    sorted.length === events.length &&
    sorted.every(
      (event, index) => event.eventId === events[index]?.eventId && event.revision === (first?.revision ?? 0) + index,
    );
  if (!same || last === undefined) throw new EventIdConflictError(streamName, first?.eventId ?? '');
  return { nextExpectedRevision: last.revision, position: last.position };
}

/**
 * The batch's ids already in the stream. With an exact expectation (or 'no_stream'), a retry can only
 * have landed right after it, so only those events are read (EventStoreDB's own idempotency rule);
 * with 'any' or 'stream_exists' it may be anywhere, so the stream is scanned from its end.
 */
async function storedIds(
  client: EventStoreDBClient,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  current: number | undefined,
): Promise<RecordedEvent[]> {
  const wanted = new Set(events.map((event) => event.eventId));
  if (current === undefined || wanted.size === 0) return [];
  if (expected === 'no_stream' || typeof expected === 'number') {
    const from = expected === 'no_stream' ? 0 : expected + 1;
    if (from > current) return [];
    return (await readStreamEvents(client, streamName, { fromRevision: from, maxCount: events.length })).filter(
      (event) => wanted.has(event.eventId),
    );
  }
  const found: RecordedEvent[] = [];
  for (let from = current; from >= 0 && found.length < wanted.size; from -= SCAN_PAGE) {
    const page = await readStreamEvents(client, streamName, {
      direction: 'backwards',
      fromRevision: from,
      maxCount: SCAN_PAGE,
    });
    found.push(...page.filter((event) => wanted.has(event.eventId)));
    if (page.length < SCAN_PAGE) break;
  }
  return found;
}

function refuseRepeatedIds(streamName: string, events: readonly NewEvent[], recent: RecentEventIds): void {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.eventId)) throw new EventIdConflictError(streamName, event.eventId);
    seen.add(event.eventId);
  }
  const elsewhere = recent.storedElsewhere(streamName, events);
  if (elsewhere !== undefined) throw new EventIdConflictError(streamName, elsewhere);
}

/** One attempt: read the head, acknowledge a repeat, check the expectation, link and write at exactly the head. */
async function attempt(
  client: EventStoreDBClient,
  recent: RecentEventIds,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  const [last] = await readStreamEvents(client, streamName, { direction: 'backwards', maxCount: 1 });
  const current = last?.revision;
  const repeat = repeatOf(streamName, events, await storedIds(client, streamName, events, expected, current));
  if (repeat !== undefined) return repeat;
  if (!revisionMatches(expected, current))
    throw new WrongExpectedRevisionError(streamName, expected, current ?? 'no_stream');
  if (events.length === 0)
    return { nextExpectedRevision: current ?? -1, position: last?.position ?? (await readHeadPosition(client)) ?? 0n };
  const metadata = linkEvents(last?.metadata.hash ?? GENESIS_HASH, events);
  const data = events.map((event, index) => toEventData(event, metadata[index] ?? { hash: GENESIS_HASH }));
  const result = await client.appendToStream(streamName, data, {
    expectedRevision: current === undefined ? NO_STREAM : BigInt(current),
  });
  const revision = Number(result.nextExpectedRevision);
  recent.remember(streamName, events);
  return { nextExpectedRevision: revision, position: await positionOf(client, streamName, revision) };
}

/**
 * One stream's append with the hash chain: read the stream's last event (revision and hash), detect a
 * repeated batch, check the caller's expectation, link the events and append at exactly the revision
 * read. If another writer got in between, EventStoreDB refuses the write and the whole decision is
 * taken again on the new head: for 'any' that is a retry, for an exact revision a typed conflict.
 *
 * A node that is not the leader (the client then reconnects to the leader it names), a timeout or a lost
 * connection is retried with a doubling pause, up to `retry.attempts` in all: each attempt re-reads the stream and
 * acknowledges its own event ids if an earlier attempt landed, so a retry never writes twice. After the last, the
 * failure is a `StoreUnavailableError`.
 */
export async function appendWithChain(
  client: EventStoreDBClient,
  recent: RecentEventIds,
  streamName: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  retry: AppendRetry = DEFAULT_APPEND_RETRY,
): Promise<AppendResult> {
  refuseRepeatedIds(streamName, events, recent);
  let races = 0;
  let failures = 0;
  for (;;) {
    try {
      return await attempt(client, recent, streamName, events, expected);
    } catch (error) {
      races += error instanceof WrongExpectedVersionError ? 1 : 0;
      if (error instanceof WrongExpectedVersionError && races < MAX_ATTEMPTS) continue;
      const translated = translateEsdbError(error, { operation: 'appendToStream', streamName, expected });
      failures += 1;
      if (!isRetryable(translated) || failures >= retry.attempts) throw translated;
      await pause(retryDelay(retry, failures));
    }
  }
}

/**
 * The `$all` position of the event at `revision`, read back rather than taken from the append's
 * reply, whose position servers have reported differently across versions (first or last event).
 */
async function positionOf(client: EventStoreDBClient, streamName: string, revision: number): Promise<bigint> {
  const [event] = await readStreamEvents(client, streamName, { fromRevision: revision, maxCount: 1 });
  if (event === undefined)
    throw new StoreError(
      'STORE_CORRUPT',
      `EventStoreDB acknowledged ${streamName}@${revision} but cannot read it back`,
    );
  return event.position;
}
