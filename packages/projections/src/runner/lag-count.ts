import type { EventStore, RecordedEvent } from '@salesbook/eventstore';

/** Counts the (non-system) events after `after`, reading at most `limit` of them. */
export async function countEventsAfter(store: EventStore, after: bigint | undefined, limit: number): Promise<number> {
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
