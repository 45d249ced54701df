import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError, type Event, type EventEnvelope, type EventMetadata, type EventRegistry } from '@salesbook/domain';
import type { NewEvent, RecordedEvent } from './port.js';
import { toJson } from './to-json.js';

/** Metadata of an event about to be written: everything but what the codec (version) and the store (hash) add. */
export type WritableEventMetadata = Omit<EventMetadata, 'hash' | 'schemaVersion'>;

/** A domain event with the metadata it is written with. */
export interface EventToWrite {
  readonly event: Event;
  readonly metadata: WritableEventMetadata;
}

/**
 * Turns domain events into what a store appends, and what it recorded back into current, typed
 * events. Batches in and out, asynchronously, so a codec can look keys up once per batch: a later
 * codec wraps this one to encrypt personal fields on write and decrypt them on read.
 *
 * @example
 * const codec = createEventCodec(registry);
 * const written = await codec.encode([{ event: { type: 'OrderPlaced', data }, metadata }]);
 * const read = await codec.decode(await store.readStream('order-42'));
 */
export interface EventCodec {
  /** New events with `schemaVersion` set to the registry's current version of each type. */
  encode(events: readonly EventToWrite[]): Promise<Either<DomainError, NewEvent[]>>;
  /** Envelopes of current events: each stored version upcast and validated by the registry. */
  decode(events: readonly RecordedEvent[]): Promise<Either<DomainError, EventEnvelope[]>>;
}

/** Versions of events written before versions were recorded. */
const UNVERSIONED = 1;

/** The codec of plain JSON events, versioned and upcast by `registry`. */
export function createEventCodec(registry: EventRegistry): EventCodec {
  return {
    async encode(events) {
      const encoded: NewEvent[] = [];
      for (const { event, metadata } of events) {
        const schemaVersion = registry.versionOf(event.type);
        if (schemaVersion === undefined) {
          return left(domainError('EVENT_TYPE_UNKNOWN', `unknown event type ${event.type}`, { type: event.type }));
        }
        const data = toJson(event.data);
        if (data._tag === 'Left') return data;
        const json = toJson({ ...metadata, schemaVersion });
        if (json._tag === 'Left') return json;
        encoded.push({ eventId: metadata.eventId, type: event.type, data: data.right, metadata: json.right as NewEvent['metadata'] });
      }
      return right(encoded);
    },
    async decode(events) {
      const decoded: EventEnvelope[] = [];
      for (const recorded of events) {
        const envelope = decodeOne(registry, recorded);
        if (envelope._tag === 'Left') return envelope;
        decoded.push(envelope.right);
      }
      return right(decoded);
    },
  };
}

/** One recorded event as a current envelope; the metadata is the store's, trusted as written by `encode`. */
function decodeOne(registry: EventRegistry, recorded: RecordedEvent): Either<DomainError, EventEnvelope> {
  const version = recorded.metadata['schemaVersion'] ?? UNVERSIONED;
  if (typeof version !== 'number') {
    return left(
      domainError('EVENT_VERSION_UNSUPPORTED', `${recorded.type} at ${recorded.streamName}/${recorded.revision} has no numeric schemaVersion`, {
        streamName: recorded.streamName,
        revision: recorded.revision,
      }),
    );
  }
  const event = registry.decode(recorded.type, recorded.data, version);
  if (event._tag === 'Left') {
    const { details, ...error } = event.left;
    return left({ ...error, details: { ...details, streamName: recorded.streamName, revision: recorded.revision } });
  }
  const metadata = { ...recorded.metadata, schemaVersion: version } as unknown as EventMetadata;
  return right({ type: event.right.type, data: event.right.data, metadata });
}
