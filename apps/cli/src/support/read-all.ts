import type { EventStore, RecordedEvent } from '@salesbook/eventstore';

/** Events per page of `readAll`: the log is streamed, never held whole. */
export const PAGE_SIZE = 1_000;

/** Every event of the store in global order (system events, `$`-typed, left out), a page at a time. */
export async function* readEverything(store: EventStore, after?: bigint): AsyncGenerator<RecordedEvent> {
  let from = after;
  for (;;) {
    const page = await store.readAll({ ...(from === undefined ? {} : { after: from }), maxCount: PAGE_SIZE });
    for (const event of page) if (!event.type.startsWith('$')) yield event;
    const last = page.at(-1);
    // Read on until an empty page: a short page does not promise the end on every adapter.
    if (last === undefined) return;
    from = last.position;
  }
}
