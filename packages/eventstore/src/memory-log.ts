import { revisionMatches, WrongExpectedRevisionError } from './errors.js';
import { GENESIS_HASH, linkEvents } from './hash-chain.js';
import type {
  AppendResult,
  ExpectedRevision,
  NewEvent,
  ReadStreamOptions,
  RecordedEvent,
  StreamAppend,
} from './port.js';
import { findRepeat } from './repeat.js';
import { createChangeNotifier, type ChangeNotifier } from './polling-subscription.js';

/**
 * The log behind one or more in-memory stores. Share it between `createMemoryEventStore` calls to
 * have several store instances on one log (as several processes on one SQLite file).
 */
export interface MemoryEventLog {
  /** Every event in global order; an event's position is its index plus one. */
  readonly events: RecordedEvent[];
  readonly streams: Map<string, RecordedEvent[]>;
  readonly byEventId: Map<string, RecordedEvent>;
  /** Idempotency keys and what they were first bound to. */
  readonly idempotencyKeys: Map<string, { readonly fingerprint: string; readonly boundAt: string }>;
  /** Wakes the subscriptions of every store on this log. */
  readonly notifier: ChangeNotifier;
}

/** An empty {@link MemoryEventLog}. */
export function createMemoryEventLog(): MemoryEventLog {
  return {
    events: [],
    streams: new Map(),
    byEventId: new Map(),
    idempotencyKeys: new Map(),
    notifier: createChangeNotifier(),
  };
}

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
};

/** Appends synchronously (so atomically within one event loop turn); throws and writes nothing on a conflict. */
export function appendToLog(
  log: MemoryEventLog,
  streamName: string,
  events: readonly NewEvent[],
  expectedRevision: ExpectedRevision,
  recordedAt: string,
): AppendResult {
  const repeat = findRepeat(streamName, events, (eventId) => log.byEventId.get(eventId));
  if (repeat !== undefined) return repeat;
  const stream = log.streams.get(streamName);
  const current = stream === undefined ? undefined : stream.length - 1;
  if (!revisionMatches(expectedRevision, current)) {
    throw new WrongExpectedRevisionError(streamName, expectedRevision, current ?? 'no_stream');
  }
  const last = stream?.[stream.length - 1];
  if (events.length === 0) {
    return { nextExpectedRevision: current ?? -1, position: last?.position ?? BigInt(log.events.length) };
  }
  const metadata = linkEvents(last?.metadata.hash ?? GENESIS_HASH, events);
  const target = stream ?? [];
  if (stream === undefined) log.streams.set(streamName, target);
  let recorded: RecordedEvent | undefined;
  events.forEach((event, index) => {
    recorded = deepFreeze({
      streamName,
      revision: target.length,
      position: BigInt(log.events.length + 1),
      eventId: event.eventId,
      type: event.type,
      data: structuredClone(event.data),
      metadata: structuredClone(metadata[index] ?? { hash: GENESIS_HASH }),
      recordedAt,
    });
    target.push(recorded);
    log.events.push(recorded);
    log.byEventId.set(recorded.eventId, recorded);
  });
  return {
    nextExpectedRevision: target.length - 1,
    position: recorded?.position ?? 0n,
    hashes: metadata.map((link) => link.hash),
  };
}

/** Appends to several streams all or nothing: on any failure, what the earlier parts wrote is removed. */
export function appendManyToLog(
  log: MemoryEventLog,
  appends: readonly StreamAppend[],
  recordedAt: string,
): AppendResult[] {
  const mark = log.events.length;
  try {
    return appends.map((part) =>
      appendToLog(log, part.streamName, part.events, part.expectedRevision ?? 'any', recordedAt),
    );
  } catch (error) {
    for (const event of log.events.splice(mark)) {
      log.byEventId.delete(event.eventId);
      const stream = log.streams.get(event.streamName);
      stream?.pop();
      if (stream?.length === 0) log.streams.delete(event.streamName);
    }
    throw error;
  }
}

/** A slice of one stream; a missing stream reads as no events. */
export function readStreamFromLog(
  log: MemoryEventLog,
  streamName: string,
  options: ReadStreamOptions = {},
): RecordedEvent[] {
  const stream = log.streams.get(streamName) ?? [];
  const maxCount = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (maxCount <= 0 || stream.length === 0) return [];
  if (options.direction === 'backwards') {
    const from = Math.min(options.fromRevision ?? stream.length - 1, stream.length - 1);
    const start = Number.isFinite(maxCount) ? Math.max(0, from + 1 - maxCount) : 0;
    return stream.slice(start, from + 1).reverse();
  }
  const from = Math.max(0, options.fromRevision ?? 0);
  return stream.slice(from, Number.isFinite(maxCount) ? from + maxCount : undefined);
}

/** A page of the global log strictly after `after`. */
export function readAllFromLog(
  log: MemoryEventLog,
  after: bigint | undefined,
  maxCount: number | undefined,
): RecordedEvent[] {
  const start = after === undefined || after < 0n ? 0 : Number(after);
  const count = maxCount ?? Number.POSITIVE_INFINITY;
  if (count <= 0) return [];
  return log.events.slice(start, Number.isFinite(count) ? start + count : undefined);
}
