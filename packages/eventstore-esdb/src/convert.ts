import { jsonEvent, type EventData, type JSONType, type ResolvedEvent } from '@eventstore/db-client';
import { StoreError, type Json, type NewEvent, type RecordedEvent } from '@salesbook/eventstore';
import { encodePosition } from './position.js';

/** The `$all` position EventStoreDB reports for "no position" (stream reads of servers before 22.6). */
const NO_POSITION = (1n << 64n) - 1n;

type Metadata = RecordedEvent['metadata'];

/** An event the adapter has computed the chain link for, as the client sends it (JSON, the port's id). */
export function toEventData(event: NewEvent, metadata: Metadata): EventData {
  // The client's types want an object, array or string; any JSON value serialises the same way.
  return jsonEvent({ id: event.eventId, type: event.type, data: event.data as JSONType, metadata });
}

const isRecord = (value: unknown): value is { readonly [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);

/**
 * The port's form of an event read from EventStoreDB. Events other tools wrote in binary read as
 * base64 text, and without a chain link their `hash` is empty (so verification names them).
 */
export function toRecordedEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (event === undefined) return undefined;
  const position = event.position;
  if (position === undefined || position.commit === NO_POSITION) {
    throw new StoreError(
      'STORE_CONFIGURATION_INVALID',
      `EventStoreDB gave no $all position for ${event.streamId}@${event.revision}: the adapter needs a server of version 22.6 or later`,
    );
  }
  const data: Json = event.isJson ? (event.data as Json) : Buffer.from(event.data).toString('base64');
  const metadata: { [key: string]: Json } = isRecord(event.metadata) ? { ...event.metadata } : {};
  return {
    streamName: event.streamId,
    revision: Number(event.revision),
    position: encodePosition(position),
    eventId: event.id,
    type: event.type,
    data,
    metadata: { ...metadata, hash: typeof metadata['hash'] === 'string' ? metadata['hash'] : '' },
    recordedAt: event.created.toISOString(),
  };
}

/** Whether an event type is EventStoreDB's own (`$`-prefixed: stats, metadata, links, projections). */
export const isSystemType = (type: string): boolean => type.startsWith('$');
