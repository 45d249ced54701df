import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { right } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import {
  ActorId,
  createEventRegistry,
  defineEvent,
  fold,
  type Command,
  type Decider,
  type Event,
} from '@salesbook/domain';
import {
  createAggregateStateCache,
  createEventCodec,
  handleCommand,
  type EventStore,
  type ReadStreamOptions,
} from '@salesbook/eventstore';
import { createSqliteEventStore, type SqliteEventStore } from './index.js';

type Added = Event<'Added', { by: number; total: number }>;
const decider: Decider<Command<'Add', { by: number }>, Added, number> = {
  initialState: () => 0,
  decide: (command, state) => right([{ type: 'Added', data: { by: command.data.by, total: state + command.data.by } }]),
  evolve: (state, event) => state + event.data.by,
};
const registry = createEventRegistry([
  defineEvent('Added', z.object({ by: z.number().int(), total: z.number().int() })),
]);
const codec = createEventCodec(registry);
const add = (by: number) => ({
  type: 'Add' as const,
  data: { by },
  metadata: {
    actor: { id: ActorId.parse('rep-1'), role: 'sales_rep' as const },
    occurredAt: '2025-01-02T03:04:05.000Z',
  },
});

describe('folded states kept between commands, on a file two connections write', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-state-cache-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const open = (): SqliteEventStore => {
    const store = createSqliteEventStore({ path: join(dir, 'events.db') });
    opened.push(store);
    return store;
  };

  it("folds the other connection's appends, refuses a stale revision and re-reads, and ends where a fold from zero does", async () => {
    const mine = open();
    const theirs = open();
    const reads: ReadStreamOptions[] = [];
    const stateCache = createAggregateStateCache();
    const command = (store: EventStore, commandId: string, by: number, cache = false) =>
      handleCommand({
        store,
        codec,
        decider,
        registry,
        streamName: 'tally',
        command: add(by),
        commandId,
        ...(cache ? { stateCache } : {}),
      });
    let intrude = false;
    // The other connection appends between this one's read and its append when asked: a lost race.
    const watched: EventStore = Object.create(mine, {
      readStream: {
        value: (name: string, options: ReadStreamOptions = {}) => (reads.push(options), mine.readStream(name, options)),
      },
      appendToStream: {
        value: async (...args: Parameters<EventStore['appendToStream']>) => {
          if (intrude) {
            intrude = false;
            await command(theirs, 'intruder', 100);
          }
          return mine.appendToStream(...args);
        },
      },
    }) as EventStore;

    await command(watched, 'a', 1, true);
    await command(theirs, 'b', 10);
    const third = await command(watched, 'c', 2, true);
    // The third command, refused at the kept head's revision, read only what followed it, and decided on the other
    // connection's event too.
    expect(reads).toEqual([{}, { fromRevision: 1 }]);
    expect(third._tag === 'Right' && third.right.events[0]?.data).toEqual({ by: 2, total: 13 });
    intrude = true;
    const fourth = await command(watched, 'd', 3, true);
    // Decided unread on the kept state, refused at its revision, then decided again on what followed it.
    expect(reads.slice(2)).toEqual([{ fromRevision: 3 }]);
    expect(fourth._tag === 'Right' && fourth.right.events[0]?.data).toEqual({ by: 3, total: 116 });
    const all = await theirs.readStream('tally');
    const decoded = await codec.decode(all, registry);
    const kept = stateCache.get({ store: watched, codec, decider, registry }, 'tally');
    expect(decoded._tag === 'Right' && fold(decider, decoded.right)).toBe(116);
    expect(kept?.state).toBe(116);
    expect(kept?.head).toEqual({ revision: 4, position: all[4]?.position, hash: all[4]?.metadata.hash });
  });
});
