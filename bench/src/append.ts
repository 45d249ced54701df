import { randomUUID } from 'node:crypto';
import { handleCommand } from '@salesbook/eventstore';
import { createSqliteEventStore, type SqliteEventStore } from '@salesbook/eventstore-sqlite';
import { counterCodec, counterDecider, counterEventRegistry, increment } from './counter.js';
import { perSecond, scratchFolder } from './measure.js';
import { benchBulk, benchCommands, benchLoad, LOAD_RUNS, LOAD_SIZE, stateCache } from './phases.js';
import { openRawBaseline } from './raw-baseline.js';

// `npm run bench:append`: command throughput (sequential beside bare better-sqlite3, then 50 in flight), bulk append and a 10,000-event load, each beside bare
// better-sqlite3 on the same rows with the same pragmas (WAL, synchronous=FULL), in the same run.
// Rounds alternate between the store and the baseline so that machine noise falls on both.
// The last line is one JSON object with every figure. Benchmarks never fail on time.

const round = (value: number): number => Math.round(value * 100) / 100;
const IN_FLIGHT = 50;
const CONCURRENT_MS = 2_000;
/** Untimed, on streams of their own: the JIT's first pass over this path is not what a long-running process pays. */
const CONCURRENT_WARMUP_MS = 500;

/** 50 clients running durable commands back to back for `ms`, each on 20 streams of its own; answers how many ran. */
async function runClients(store: SqliteEventStore, prefix: string, ms: number): Promise<number> {
  const started = performance.now();
  let done = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, client) => {
      for (let i = 0; performance.now() - started < ms; i += 1) {
        const result = await handleCommand({
          stateCache,
          store,
          codec: counterCodec,
          decider: counterDecider,
          registry: counterEventRegistry,
          streamName: `${prefix}-${client}-${i % 20}`,
          command: increment(),
          commandId: randomUUID(),
        });
        if (result._tag === 'Left') throw new Error(`the counter refused: ${result.left.code}`);
        done += 1;
      }
    }),
  );
  return done;
}

/**
 * 50 clients each running durable commands (handleCommand) back to back on their own streams, as the
 * API's 50 connections do: the group commit shares one transaction and one fsync among the appends
 * that meet. Also answers the mean group size seen.
 */
async function benchConcurrent(store: SqliteEventStore): Promise<{ perSec: number; groupSize: number }> {
  await runClients(store, 'warmup', CONCURRENT_WARMUP_MS);
  const before = store.commitStats();
  const started = performance.now();
  const done = await runClients(store, 'concurrent', CONCURRENT_MS);
  const after = store.commitStats();
  return {
    perSec: perSecond(done, performance.now() - started),
    groupSize: round((after.appends - before.appends) / Math.max(1, after.commits - before.commits)),
  };
}

async function main(): Promise<void> {
  const scratch = scratchFolder();
  const store = createSqliteEventStore({ path: scratch.path('store.db'), synchronous: 'FULL' });
  const raw = openRawBaseline(scratch.path('raw.db'), 'FULL');
  try {
    const commands = await benchCommands(store, raw);
    console.log(
      `commands, durable, sequential, short streams: handleCommand ${commands.handled}/s; store read+fold+append ${commands.store}/s`,
    );
    console.log(`  bare better-sqlite3 insert of the same rows: ${commands.raw}/s`);
    const concurrent = await benchConcurrent(store);
    console.log(
      `commands, durable, ${IN_FLIGHT} in flight (group commit): handleCommand ${concurrent.perSec}/s, ${concurrent.groupSize} appends per commit`,
    );
    const bulk = await benchBulk(store, raw);
    console.log(
      `bulk append (appendMany, 1,000 events per transaction): ${bulk.store} events/s; bare batched insert ${bulk.raw} events/s`,
    );
    const load = await benchLoad(store, raw);
    console.log(
      `load and fold a ${LOAD_SIZE}-event stream (median of ${LOAD_RUNS}): loadAggregate from its snapshot ${load.snapshot.toFixed(2)} ms ` +
        `(the first, which folds from zero and writes the snapshot: ${load.firstSnapshot.toFixed(2)} ms); ` +
        `loadAggregate from zero ${load.aggregate.toFixed(2)} ms; readStream+fold ${load.store.toFixed(2)} ms; ` +
        `bare select+parse+fold ${load.raw.toFixed(2)} ms`,
    );
    console.log(
      JSON.stringify({
        commandsPerSec: commands.handled,
        storeCommandsPerSec: commands.store,
        rawCommandsPerSec: commands.raw,
        commandsRatio: round(commands.handled / commands.raw),
        concurrentCommandsPerSec: concurrent.perSec,
        concurrentGroupSize: concurrent.groupSize,
        storeCommandsRatio: round(commands.store / commands.raw),
        bulkEventsPerSec: bulk.store,
        rawBulkEventsPerSec: bulk.raw,
        bulkRatio: round(bulk.store / bulk.raw),
        concurrentRatio: round(concurrent.perSec / bulk.raw),
        load10kMs: round(load.snapshot),
        firstSnapshotLoad10kMs: round(load.firstSnapshot),
        aggregateLoad10kMs: round(load.aggregate),
        readStream10kMs: round(load.store),
        rawLoad10kMs: round(load.raw),
        // Three decimals: from a snapshot the ratio is a few thousandths.
        loadRatio: Math.round((load.snapshot / load.raw) * 1000) / 1000,
      }),
    );
  } finally {
    await store.close();
    raw.close();
    scratch.dispose();
  }
}

await main();
