import { salesbookEventRegistry } from '@salesbook/domain';
import {
  createEventCodec,
  createMemoryEventStore,
  verifyChain,
  type EventStore,
  type RecordedEvent,
} from '@salesbook/eventstore';
import { handleGenerated } from './handle-generated.js';
import { generateActivity } from './generate.js';
import { seedStore } from './seed-store.js';

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (
    let page = await store.readAll({ maxCount: 1_000 });
    page.length > 0;
    page = await store.readAll({ after: page[page.length - 1]!.position, maxCount: 1_000 })
  ) {
    events.push(...page);
  }
  return events;
}

const comparable = ({ streamName, revision, eventId, type, data, metadata }: RecordedEvent) => ({
  streamName,
  revision,
  eventId,
  type,
  data,
  metadata,
});

describe('seedStore', () => {
  const options = { seed: 99, start: '2025-01-01', months: 3, events: 2_500 };

  it('writes the generated history in order, at the decided revisions, with versions and hash chains', async () => {
    const store = createMemoryEventStore();
    const progress: number[] = [];
    const result = await seedStore(store, {
      ...options,
      eventsPerAppend: 500,
      onProgress: (events) => progress.push(events),
    });
    const stored = await readEverything(store);
    expect(result.events).toBe(2_500);
    expect(stored).toHaveLength(2_500);
    expect(result.position).toBe(stored[stored.length - 1]?.position);
    expect(progress[progress.length - 1]).toBe(2_500);
    expect(progress.length).toBeGreaterThan(3);
    expect(
      stored.every((event) => event.metadata['schemaVersion'] === salesbookEventRegistry.versionOf(event.type)),
    ).toBe(true);
    const generated = [...generateActivity(options)].flatMap((batch) =>
      batch.commands.flatMap((command) => command.events),
    );
    expect(stored.map((event) => event.eventId)).toEqual(generated.map((event) => event.metadata.eventId));
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of stored) streams.set(event.streamName, [...(streams.get(event.streamName) ?? []), event]);
    expect([...streams.values()].filter((stream) => verifyChain(stream) !== undefined)).toEqual([]);
  });

  it('is acknowledged as a repeat when the same history is seeded again', async () => {
    const store = createMemoryEventStore();
    await seedStore(store, options);
    const again = await seedStore(store, options);
    expect(again.events).toBe(2_500);
    expect(await readEverything(store)).toHaveLength(2_500);
  });

  it('appends exactly what handleCommand appends for the same commands', async () => {
    const seeded = createMemoryEventStore();
    await seedStore(seeded, options);
    const handled = createMemoryEventStore();
    const codec = createEventCodec(salesbookEventRegistry);
    for (const batch of generateActivity(options)) {
      for (const generated of batch.commands) {
        const result = await handleGenerated(generated, { store: handled, codec });
        if (result._tag === 'Left')
          throw new Error(`${generated.command.type} on ${generated.streamName}: ${result.left.code}`);
      }
    }
    expect((await readEverything(handled)).map(comparable)).toEqual((await readEverything(seeded)).map(comparable));
  });
});
