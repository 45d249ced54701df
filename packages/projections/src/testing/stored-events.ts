import { salesbookEventRegistry } from '@salesbook/domain';
import type { EventStore } from '@salesbook/eventstore';

/** An event to append in a projection spec: its type, data and business time. */
export interface TestEvent {
  readonly type: string;
  readonly at: string;
  readonly data: Record<string, unknown>;
}

let counter = 0;

/**
 * Appends `events` to `stream` with `occurredAt` and `schemaVersion` metadata (the version the registry writes
 * `type` with now); returns the last position.
 */
export async function appendTestEvents(
  store: EventStore,
  stream: string,
  events: readonly TestEvent[],
): Promise<bigint> {
  const batch = events.map((event) => {
    counter += 1;
    const eventId = `20000000-0000-4000-8000-${counter.toString().padStart(12, '0')}`;
    return {
      eventId,
      type: event.type,
      data: JSON.parse(JSON.stringify(event.data)),
      metadata: { occurredAt: event.at, schemaVersion: salesbookEventRegistry.versionOf(event.type) ?? 1 },
    };
  });
  const result = await store.appendToStream(stream, batch);
  return result.position;
}
