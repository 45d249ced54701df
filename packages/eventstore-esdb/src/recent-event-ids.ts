import type { NewEvent } from '@salesbook/eventstore';

/**
 * Which stream this process appended each recent event id to: a bounded, best-effort guard against
 * one id landing in two streams. EventStoreDB keeps ids unique per stream only and has no index by
 * id, so a store-wide guarantee would cost a second write per event; this catches the common
 * mistake (one process reusing an id for another stream) at no cost, as the server's own id cache does.
 */
export class RecentEventIds {
  private readonly streams = new Map<string, string>();

  constructor(private readonly capacity = 100_000) {}

  /** The first id of `events` this process appended to a stream other than `streamName`. */
  storedElsewhere(streamName: string, events: readonly NewEvent[]): string | undefined {
    return events.find((event) => {
      const stored = this.streams.get(event.eventId);
      return stored !== undefined && stored !== streamName;
    })?.eventId;
  }

  /** Records an acknowledged append, forgetting the oldest ids beyond the capacity. */
  remember(streamName: string, events: readonly NewEvent[]): void {
    for (const event of events) this.streams.set(event.eventId, streamName);
    for (const id of this.streams.keys()) {
      if (this.streams.size <= this.capacity) break;
      this.streams.delete(id);
    }
  }
}
