import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { scratchFolder } from './measure.js';
import { benchBulk, benchCommands, benchLoad, LOAD_RUNS, LOAD_SIZE } from './phases.js';
import { openRawBaseline } from './raw-baseline.js';

// `npm run bench:append`: command throughput, bulk append and a 10,000-event load, each beside bare
// better-sqlite3 on the same rows with the same pragmas (WAL, synchronous=FULL), in the same run.
// Rounds alternate between the store and the baseline so that machine noise falls on both.
// The last line is one JSON object with every figure. Benchmarks never fail on time.

const round = (value: number): number => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  const scratch = scratchFolder();
  const store = createSqliteEventStore({ path: scratch.path('store.db'), synchronous: 'FULL' });
  const raw = openRawBaseline(scratch.path('raw.db'), 'FULL');
  try {
    const commands = await benchCommands(store, raw);
    console.log(`commands, durable, sequential, short streams: handleCommand ${commands.handled}/s; store read+fold+append ${commands.store}/s`);
    console.log(`  bare better-sqlite3 insert of the same rows: ${commands.raw}/s`);
    const bulk = await benchBulk(store, raw);
    console.log(`bulk append (appendMany, 1,000 events per transaction): ${bulk.store} events/s; bare batched insert ${bulk.raw} events/s`);
    const load = await benchLoad(store, raw);
    console.log(
      `load and fold a ${LOAD_SIZE}-event stream (median of ${LOAD_RUNS}): readStream+fold ${load.store.toFixed(2)} ms; ` +
        `loadAggregate (decode+fold) ${load.aggregate.toFixed(2)} ms; bare select+parse+fold ${load.raw.toFixed(2)} ms`,
    );
    console.log(
      JSON.stringify({
        commandsPerSec: commands.handled,
        storeCommandsPerSec: commands.store,
        rawCommandsPerSec: commands.raw,
        commandsRatio: round(commands.handled / commands.raw),
        storeCommandsRatio: round(commands.store / commands.raw),
        bulkEventsPerSec: bulk.store,
        rawBulkEventsPerSec: bulk.raw,
        bulkRatio: round(bulk.store / bulk.raw),
        load10kMs: round(load.store),
        aggregateLoad10kMs: round(load.aggregate),
        rawLoad10kMs: round(load.raw),
      }),
    );
  } finally {
    await store.close();
    raw.close();
    scratch.dispose();
  }
}

await main();
