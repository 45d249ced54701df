import type { EventStore, RecordedEvent } from './port.js';

/**
 * Counts the (non-system) events after `after`, at most `limit`: by the store's own count where it has one, else by
 * reading pages. Status and readiness ask it for every projection on every probe, and reading (and parsing) up to
 * `limit` events each time made a probed catch-up several times slower than the catch-up itself.
 */
export async function countEventsAfter(store: EventStore, after: bigint | undefined, limit: number): Promise<number> {
  if (store.countEventsAfter !== undefined) return store.countEventsAfter(after, limit);
  let count = 0;
  let from = after;
  while (count < limit) {
    const page = await store.readAll({
      ...(from === undefined ? {} : { after: from }),
      maxCount: Math.min(1_000, limit - count),
    });
    const last = page.at(-1);
    if (last === undefined) break;
    count += page.filter((event: RecordedEvent) => !event.type.startsWith('$')).length;
    from = last.position;
  }
  return Math.min(count, limit);
}
