import { salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, type EventCodec, type EventStore, type StreamAppend } from '@salesbook/eventstore';
import type { GeneratedCommand } from './activity.js';
import { generateActivity } from './generate.js';
import type { GeneratorOptions } from './options.js';

/** Settings of {@link seedStore}: the generator's options plus how the history is written. */
export interface SeedOptions extends GeneratorOptions {
  /** Events per `appendMany` transaction at least (default 2000; a day's commands are never split). */
  readonly eventsPerAppend?: number;
  /** The codec events are written with (default: plain JSON, versioned by the domain's event registry). */
  readonly codec?: EventCodec;
  /** Called after each append with the number of events written so far. */
  readonly onProgress?: (events: number) => void;
}

/** What {@link seedStore} wrote. */
export interface SeedResult {
  readonly events: number;
  readonly commands: number;
  /** The last simulated day with activity, `YYYY-MM-DD` (undefined when nothing was written). */
  readonly lastDate: string | undefined;
  /** The store's position after the last append. */
  readonly position: bigint | undefined;
}

/** Commands in order, consecutive commands of one stream joined into one part at the first one's revision. */
async function toAppends(codec: EventCodec, commands: readonly GeneratedCommand[]): Promise<StreamAppend[]> {
  const encoded = await codec.encode(
    commands.flatMap((command) =>
      command.events.map(({ type, data, metadata }) => ({ event: { type, data }, metadata })),
    ),
  );
  if (encoded._tag === 'Left')
    throw new Error(`generator: an event did not encode: ${encoded.left.code}: ${encoded.left.message}`);
  const appends: {
    streamName: string;
    events: StreamAppend['events'][number][];
    expectedRevision: StreamAppend['expectedRevision'];
  }[] = [];
  let offset = 0;
  for (const command of commands) {
    const events = encoded.right.slice(offset, offset + command.events.length);
    offset += command.events.length;
    const last = appends[appends.length - 1];
    if (last?.streamName === command.streamName) last.events.push(...events);
    else
      appends.push({
        streamName: command.streamName,
        events,
        expectedRevision: command.expectedRevision === -1 ? 'no_stream' : command.expectedRevision,
      });
  }
  return appends;
}

/**
 * Writes a generated history into `store` with batched `appendMany` at the exact revisions the generator
 * decided on (so it also proves nothing else wrote to those streams). Event ids are deterministic: seeding the
 * same options twice into one store is acknowledged as a repeat, or refused if the store holds other events
 * with those ids. Streams the history into the store; it never holds more than one batch in memory.
 *
 * @example
 * const store = createSqliteEventStore({ path: './data/events.db' });
 * const { events } = await seedStore(store, { seed: 42, months: 6, events: 50_000 });
 */
export async function seedStore(store: EventStore, options: SeedOptions): Promise<SeedResult> {
  const codec = options.codec ?? createEventCodec(salesbookEventRegistry);
  const threshold = options.eventsPerAppend ?? 2_000;
  let pending: GeneratedCommand[] = [];
  let pendingEvents = 0;
  let events = 0;
  let commands = 0;
  let lastDate: string | undefined;
  let position: bigint | undefined;
  const flush = async (): Promise<void> => {
    if (pending.length === 0) return;
    const results = await store.appendMany(await toAppends(codec, pending));
    position = results[results.length - 1]?.position ?? position;
    events += pendingEvents;
    commands += pending.length;
    pending = [];
    pendingEvents = 0;
    options.onProgress?.(events);
  };
  for (const batch of generateActivity(options)) {
    for (const command of batch.commands) {
      pending.push(command);
      pendingEvents += command.events.length;
    }
    lastDate = batch.date;
    if (pendingEvents >= threshold) await flush();
  }
  await flush();
  return { events, commands, lastDate, position };
}
