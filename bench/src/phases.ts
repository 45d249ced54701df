import {
  createAggregateStateCache,
  handleCommand,
  loadAggregate,
  type NewEvent,
  type RecordedEvent,
  type StreamAppend,
} from '@salesbook/eventstore';
import type { SqliteEventStore } from '@salesbook/eventstore-sqlite';
import { randomUUID } from 'node:crypto';
import { counterCodec, counterDecider, counterEventRegistry, counterSnapshots, increment } from './counter.js';
import { median, perSecond, runFor, sampleEvent } from './measure.js';
import type { RawBaseline, RawRow } from './raw-baseline.js';

const STREAMS = 500;
const ROUNDS = 3;
const COMMAND_ROUND_MS = 700;
const BULK_BATCHES = 20;
const BULK_STREAMS_PER_BATCH = 50;
const BULK_EVENTS_PER_STREAM = 20;
/** Events in the stream of the load benchmark. */
export const LOAD_SIZE = 10_000;
/** Timed loads (after one untimed warm-up); the median is reported. */
export const LOAD_RUNS = 15;
const FAKE_HASH = 'f'.repeat(64);

const toRow = (streamName: string, revision: number, event: NewEvent, recordedAt: string): RawRow => ({
  streamName,
  revision,
  eventId: event.eventId,
  type: event.type,
  data: JSON.stringify(event.data),
  metadata: JSON.stringify({ ...event.metadata, hash: FAKE_HASH }),
  recordedAt,
});

const sum = (events: readonly RecordedEvent[]): number =>
  events.reduce((total, event) => total + (event.data as { by: number }).by, 0);

/** The command path on the store alone: read the stream, fold, append one event at the revision read. */
async function storeCommand(store: SqliteEventStore, streamName: string): Promise<void> {
  const history = await store.readStream(streamName);
  const last = history[history.length - 1];
  await store.appendToStream(streamName, [sampleEvent(sum(history) + 1)], {
    expectedRevision: last === undefined ? 'no_stream' : last.revision,
  });
}

/** Folded states of the command streams, as a long-running process keeps them (see `handleCommand`). */
export const stateCache = createAggregateStateCache();

/**
 * The application's command path: handleCommand (read what follows the cached state, decode, fold, decide,
 * encode, append).
 */
async function handledCommand(store: SqliteEventStore, streamName: string): Promise<void> {
  const result = await handleCommand({
    stateCache,
    store,
    codec: counterCodec,
    decider: counterDecider,
    registry: counterEventRegistry,
    streamName,
    command: increment(),
    commandId: randomUUID(),
  });
  if (result._tag === 'Left') throw new Error(`the counter refused: ${result.left.code}`);
}

/** Sequential durable commands on short streams, three ways, in alternating rounds. */
export async function benchCommands(
  store: SqliteEventStore,
  raw: RawBaseline,
): Promise<{ handled: number; store: number; raw: number }> {
  const rawRevisions = new Map<string, number>();
  const sides = {
    handled: (i: number) => handledCommand(store, `handled-${i % STREAMS}`),
    store: (i: number) => storeCommand(store, `counter-${i % STREAMS}`),
    raw: (i: number) => {
      const streamName = `counter-${i % STREAMS}`;
      const revision = (rawRevisions.get(streamName) ?? -1) + 1;
      rawRevisions.set(streamName, revision);
      raw.insertOne(toRow(streamName, revision, sampleEvent(revision), new Date().toISOString()));
    },
  };
  const totals = { handled: { count: 0, ms: 0 }, store: { count: 0, ms: 0 }, raw: { count: 0, ms: 0 } };
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const side of ['handled', 'store', 'raw'] as const) {
      const run = await runFor(COMMAND_ROUND_MS, sides[side]);
      totals[side].count += run.count;
      totals[side].ms += run.ms;
    }
  }
  const rate = (side: keyof typeof totals): number => perSecond(totals[side].count, totals[side].ms);
  return { handled: rate('handled'), store: rate('store'), raw: rate('raw') };
}

/** One import batch: many streams, many events each, new streams every batch. */
function importBatch(batch: number): StreamAppend[] {
  return Array.from({ length: BULK_STREAMS_PER_BATCH }, (_, s) => ({
    streamName: `import-${batch}-${s}`,
    events: Array.from({ length: BULK_EVENTS_PER_STREAM }, (_, n) => sampleEvent(n)),
    expectedRevision: 'no_stream' as const,
  }));
}

/** Milliseconds `work` took. */
async function timed(work: () => Promise<unknown> | void): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/**
 * Import-like appends, 1,000 events per transaction, beside the same rows inserted in the same batches. The sides
 * take turns going first (the one that goes second meets the other's checkpoint I/O), and the first batch of each
 * warms up untimed.
 */
export async function benchBulk(store: SqliteEventStore, raw: RawBaseline): Promise<{ store: number; raw: number }> {
  let storeMs = 0;
  let rawMs = 0;
  for (let batch = 0; batch <= BULK_BATCHES; batch += 1) {
    const forStore = importBatch(batch);
    const forRaw = importBatch(batch);
    const storeSide = () => store.appendMany(forStore);
    const rawSide = () => {
      const recordedAt = new Date().toISOString();
      raw.insertBatch(
        forRaw.flatMap((part) =>
          part.events.map((event, revision) => toRow(part.streamName, revision, event, recordedAt)),
        ),
      );
    };
    const storeFirst = batch % 2 === 0;
    const first = await timed(storeFirst ? storeSide : rawSide);
    const second = await timed(storeFirst ? rawSide : storeSide);
    if (batch === 0) continue;
    storeMs += storeFirst ? first : second;
    rawMs += storeFirst ? second : first;
  }
  const events = BULK_BATCHES * BULK_STREAMS_PER_BATCH * BULK_EVENTS_PER_STREAM;
  return { store: perSecond(events, storeMs), raw: perSecond(events, rawMs) };
}

/**
 * Median time to load and fold a 10,000-event stream: store read + fold, loadAggregate (decode too) from zero and
 * from its snapshot, bare select + parse; and the first snapshot load's time (a fold from zero and the write).
 */
export async function benchLoad(
  store: SqliteEventStore,
  raw: RawBaseline,
): Promise<{ store: number; aggregate: number; snapshot: number; firstSnapshot: number; raw: number }> {
  const events = Array.from({ length: LOAD_SIZE }, (_, n) => sampleEvent(n));
  await store.appendToStream('counter-big', events, { expectedRevision: 'no_stream' });
  const recordedAt = new Date().toISOString();
  raw.insertBatch(events.map((event, revision) => toRow('counter-big', revision, event, recordedAt)));
  const aggregate = {
    store,
    codec: counterCodec,
    decider: counterDecider,
    registry: counterEventRegistry,
    streamName: 'counter-big',
  };
  const times = { store: [] as number[], aggregate: [] as number[], snapshot: [] as number[], raw: [] as number[] };
  let firstSnapshot = 0;
  const timed = async (side: keyof typeof times, run: number, load: () => Promise<number> | number): Promise<void> => {
    const started = performance.now();
    const total = await load();
    const ms = performance.now() - started;
    if (total !== LOAD_SIZE) throw new Error(`${side} folded ${total}, expected ${LOAD_SIZE}`);
    // The first run warms caches and the JIT; it is not counted (the snapshot side's writes its snapshot).
    if (run > 0) times[side].push(ms);
    else if (side === 'snapshot') firstSnapshot = ms;
  };
  for (let run = 0; run <= LOAD_RUNS; run += 1) {
    await timed('store', run, async () => sum(await store.readStream('counter-big')));
    await timed('aggregate', run, async () => {
      const loaded = await loadAggregate(aggregate);
      return loaded._tag === 'Right' ? loaded.right.state : -1;
    });
    await timed('snapshot', run, async () => {
      const loaded = await loadAggregate({ ...aggregate, snapshot: counterSnapshots });
      return loaded._tag === 'Right' ? loaded.right.state : -1;
    });
    await timed('raw', run, () => raw.loadAndFold('counter-big'));
  }
  return {
    store: median(times.store),
    aggregate: median(times.aggregate),
    snapshot: median(times.snapshot),
    firstSnapshot,
    raw: median(times.raw),
  };
}
