// Child process of sqlite-crash.spec.ts: appends commands to a SQLite file through the real adapter
// (its built dist: `npm test` builds every package first; the spec rebuilds a stale one) until killed.
// Each acknowledged append is printed as one JSON line per event, only after the append resolved.
// Type-checked as JavaScript (test/tsconfig.json, checkJs) and linted like the specs.
import { randomUUID } from 'node:crypto';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { createRandom } from '@salesbook/generator';

/** @typedef {import('@salesbook/eventstore').NewEvent} NewEvent */
/** @typedef {import('@salesbook/eventstore').AppendResult} AppendResult */

// Streams are named after `prefix`, so that writers running at once on one file never meet on a stream.
const [path, seedText, prefix = 'crash'] = process.argv.slice(2);
if (path === undefined) throw new Error('usage: sqlite-crash-writer.mjs <events.db> <seed> [stream prefix]');
// Seeded, so a failing run can be replayed with the same choices.
const random = createRandom(Number(seedText)).next;
/** @param {number} n */
const pick = (n) => Math.floor(random() * n);

const store = createSqliteEventStore({ path, synchronous: 'FULL' });
/** @param {string} streamName @param {AppendResult} result @param {readonly NewEvent[]} events */
const ack = (streamName, result, events) => {
  const first = result.nextExpectedRevision - events.length + 1;
  const lines = events.map((event, index) =>
    JSON.stringify({ streamName, revision: first + index, eventId: event.eventId }),
  );
  // stdout is a pipe: on Linux Node writes pipes synchronously, so a printed line has left this process.
  process.stdout.write(`${lines.join('\n')}\n`);
};
// Every event names its command and how many events the command wrote, so a half-written one shows.
/** @param {readonly number[]} sizes @returns {NewEvent[][]} */
const command = (sizes) => {
  const commandId = randomUUID();
  const commandSize = sizes.reduce((sum, size) => sum + size, 0);
  return sizes.map((size) =>
    Array.from({ length: size }, (_, index) => ({
      eventId: randomUUID(),
      type: 'CrashCounted',
      data: { index, pad: 'x'.repeat(pick(400)) },
      metadata: { commandId, commandSize, writer: process.pid },
    })),
  );
};

process.stdout.write('ready\n');
for (;;) {
  if (random() < 0.2) {
    // A command touching two streams at once, as a policy or an import would.
    const names = [`${prefix}-${pick(8)}`, `${prefix}-pair-${pick(4)}`];
    const batches = command([1 + pick(3), 1 + pick(3)]);
    const parts = names.map((streamName, index) => ({ streamName, events: batches[index] ?? [] }));
    const results = await store.appendMany(parts);
    results.forEach((result, index) => ack(parts[index]?.streamName ?? '', result, parts[index]?.events ?? []));
  } else {
    const streamName = `${prefix}-${pick(8)}`;
    const [last] = await store.readStream(streamName, { direction: 'backwards', maxCount: 1 });
    const [events = []] = command([1 + pick(4)]);
    const result = await store.appendToStream(streamName, events, { expectedRevision: last?.revision ?? 'no_stream' });
    ack(streamName, result, events);
  }
}
