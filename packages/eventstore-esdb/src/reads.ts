import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  type EventStoreDBClient,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { ReadStreamOptions, RecordedEvent } from '@salesbook/eventstore';
import { isSystemType, toRecordedEvent } from './convert.js';
import { decodePosition, encodePosition, type EsdbPosition } from './position.js';
import { translateEsdbError } from './translate-error.js';

/** Events per request when the adapter pages through `$all` itself. */
const PAGE = 500;

/** Collects a client read, translating its errors; a missing (or deleted) stream reads as no events. */
async function collect(
  read: AsyncIterable<ResolvedEvent>,
  operation: string,
  streamName?: string,
): Promise<ResolvedEvent[]> {
  const events: ResolvedEvent[] = [];
  try {
    for await (const resolved of read) events.push(resolved);
  } catch (error) {
    if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
    throw translateEsdbError(error, streamName === undefined ? { operation } : { operation, streamName });
  }
  return events;
}

const recorded = (events: readonly ResolvedEvent[]): RecordedEvent[] =>
  events.flatMap((resolved) => {
    const event = toRecordedEvent(resolved);
    return event === undefined ? [] : [event];
  });

/** A slice of one stream, as the port reads it. */
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamName: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  if (maxCount <= 0) return [];
  const backwards = options.direction === 'backwards';
  const fromRevision =
    options.fromRevision === undefined ? (backwards ? END : START) : BigInt(Math.max(0, options.fromRevision));
  const read = client.readStream(streamName, { direction: backwards ? BACKWARDS : FORWARDS, fromRevision, maxCount });
  return recorded(await collect(read, 'readStream', streamName));
}

/**
 * Up to `maxCount` events of `$all` strictly after `after`, without system events. EventStoreDB
 * reads `$all` from a position inclusively and the client's `readAll` takes no filter, so the
 * adapter asks for one more, drops the start event, filters, and reads on while a page came back full.
 */
export async function readAllEvents(
  client: EventStoreDBClient,
  after: bigint | undefined,
  maxCount = Number.MAX_SAFE_INTEGER,
): Promise<RecordedEvent[]> {
  const collected: RecordedEvent[] = [];
  let from = after;
  while (collected.length < maxCount) {
    const request = Math.min(maxCount - collected.length, PAGE) + 1;
    const fromPosition = from === undefined ? START : decodePosition(from);
    const page = await collect(client.readAll({ direction: FORWARDS, fromPosition, maxCount: request }), 'readAll');
    for (const resolved of page) {
      const event = resolved.event;
      if (event === undefined || event.position === undefined) continue;
      if (isSystemType(event.type)) continue;
      const converted = toRecordedEvent(resolved);
      if (converted === undefined || (from !== undefined && converted.position <= from)) continue;
      if (collected.length < maxCount) collected.push(converted);
    }
    if (page.length < request) break;
    const last = page[page.length - 1]?.event?.position;
    if (last === undefined) break;
    from = encodePosition(last);
  }
  return collected;
}

/** The position of the last event that is not a system event, or `undefined` when there is none. */
export async function readHeadPosition(client: EventStoreDBClient): Promise<bigint | undefined> {
  let fromPosition: typeof END | EsdbPosition = END;
  let below: bigint | undefined;
  for (;;) {
    const page = await collect(
      client.readAll({ direction: BACKWARDS, fromPosition, maxCount: PAGE + 1 }),
      'headPosition',
    );
    for (const resolved of page) {
      const event = resolved.event;
      if (event?.position === undefined || isSystemType(event.type)) continue;
      // Backwards reads include their start, which the previous page already looked at.
      if (below === undefined || encodePosition(event.position) < below) return encodePosition(event.position);
    }
    const oldest = page[page.length - 1]?.event?.position;
    if (page.length < PAGE + 1 || oldest === undefined) return undefined;
    fromPosition = oldest;
    below = encodePosition(oldest);
  }
}
