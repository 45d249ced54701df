import { left, right, type Either } from 'fp-ts/lib/Either.js';
import {
  domainError,
  EventMetadata,
  type DomainError,
  type Event,
  type EventEnvelope,
  type EventRegistry,
} from '@salesbook/domain';
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
 * const read = await codec.decode(await store.readStream('order-42'), orderEventRegistry); // EventEnvelope<OrderEvent>[]
 */
export interface EventCodec {
  /** New events with `schemaVersion` set to the registry's current version of each type. */
  encode(events: readonly EventToWrite[]): Promise<Either<DomainError, NewEvent[]>>;
  /**
   * Envelopes of current events of the union `E`: each stored version upcast and validated by `registry`
   * (an aggregate's registry for its stream, the whole store's for any event); a type it does not know is refused.
   */
  decode<E extends Event>(
    events: readonly RecordedEvent[],
    registry: EventRegistry<E>,
  ): Promise<Either<DomainError, EventEnvelope<E>[]>>;
}

/** Versions of events written before versions were recorded. */
const UNVERSIONED = 1;

/** The codec of plain JSON events, written at the versions of `registry`. */
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
        encoded.push({
          eventId: metadata.eventId,
          type: event.type,
          data: data.right,
          metadata: json.right as NewEvent['metadata'],
        });
      }
      return right(encoded);
    },
    async decode<E extends Event>(events: readonly RecordedEvent[], reader: EventRegistry<E>) {
      const decoded: EventEnvelope<E>[] = [];
      for (const recorded of events) {
        const envelope = decodeOne(reader, recorded);
        if (envelope._tag === 'Left') return envelope;
        decoded.push(envelope.right);
      }
      return right(decoded);
    },
  };
}

/** One recorded event as a current envelope; its metadata checked as what `encode` and the store wrote. */
function decodeOne<E extends Event>(
  registry: EventRegistry<E>,
  recorded: RecordedEvent,
): Either<DomainError, EventEnvelope<E>> {
  const where = { streamName: recorded.streamName, revision: recorded.revision };
  const version = recorded.metadata['schemaVersion'] ?? UNVERSIONED;
  if (typeof version !== 'number') {
    return left(
      domainError(
        'EVENT_VERSION_UNSUPPORTED',
        `${recorded.type} at ${recorded.streamName}/${recorded.revision} has no numeric schemaVersion`,
        where,
      ),
    );
  }
  const event = registry.decode(recorded.type, recorded.data, version);
  if (event._tag === 'Left') {
    const { details, ...error } = event.left;
    return left({ ...error, details: { ...details, ...where } });
  }
  const metadata = EventMetadata.safeParse({ ...recorded.metadata, schemaVersion: version });
  if (!metadata.success) {
    const issues = metadata.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return left(
      domainError(
        'EVENT_METADATA_INVALID',
        `${recorded.type} at ${recorded.streamName}/${recorded.revision} has invalid metadata`,
        { ...where, issues },
      ),
    );
  }
  return right({ ...event.right, metadata: metadata.data });
}
