import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Actor,
  customerDecider,
  customerEventRegistry,
  salesbookEventRegistry,
  teamDecider,
  teamEventRegistry,
  TEAM_STREAM,
  TeamMemberJoined,
  type TeamEvent,
} from '@salesbook/domain';
import {
  createEventCodec,
  createMemoryEventStore,
  loadAggregate,
  type EventStore,
  type ReadStreamOptions,
} from '@salesbook/eventstore';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { KeptFold } from './kept-fold.js';

const codec = createEventCodec(salesbookEventRegistry);
let dir: string;
const opened: EventStore[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-kept-fold-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** A store on the test's SQLite file: two of them are two API instances sharing one store. */
const sqliteStore = (): EventStore => {
  const store = createSqliteEventStore({ path: join(dir, 'events.db') });
  opened.push(store);
  return store;
};

/** `store`, with each readStream's options noted in `reads`. */
const noting = (store: EventStore, reads: (ReadStreamOptions | undefined)[]): EventStore =>
  Object.assign(Object.create(store) as EventStore, {
    readStream: (name: string, options?: ReadStreamOptions) => {
      reads.push(options);
      return store.readStream(name, options);
    },
  });

let members = 0;
const joined = (role: 'sales_rep' | 'regional_manager' = 'sales_rep'): TeamEvent => {
  members += 1;
  return {
    type: 'TeamMemberJoined',
    data: TeamMemberJoined.parse({
      memberId: `member-${members}`,
      role,
      region: 'east',
      joinedOn: '2025-01-01',
      recordedBy: 'sm-01',
      recordedAt: '2025-01-01T00:00:00.000Z',
    }),
  };
};

/** Appends team events as another instance's command would write them. */
async function append(store: EventStore, events: readonly TeamEvent[]): Promise<void> {
  const commandId = randomUUID();
  const metadata = {
    occurredAt: '2025-01-01T00:00:00.000Z',
    actor: Actor.parse({ id: 'sm-01', role: 'sales_manager' }),
  };
  const encoded = await codec.encode(
    events.map((event) => ({
      event,
      metadata: { ...metadata, eventId: randomUUID(), correlationId: commandId, causationId: commandId, commandId },
    })),
  );
  if (encoded._tag === 'Left') throw new Error(encoded.left.message);
  await store.appendToStream(TEAM_STREAM, encoded.right);
}

const input = (store: EventStore) => ({
  store,
  codec,
  decider: teamDecider,
  registry: teamEventRegistry,
  streamName: TEAM_STREAM,
});

/** The register folded from its whole stream, as every use read it before. */
async function wholeFold(store: EventStore): Promise<unknown> {
  const loaded = await loadAggregate(input(store));
  if (loaded._tag === 'Left') throw new Error(loaded.left.message);
  return loaded.right.state;
}

describe('KeptFold', () => {
  it("reads only what was written since its last use, another instance's writes included, and folds to the whole stream's state", async () => {
    const reads: (ReadStreamOptions | undefined)[] = [];
    const mine = sqliteStore();
    const other = sqliteStore();
    const kept = new KeptFold(input(noting(mine, reads)));
    await append(other, [joined('regional_manager'), joined()]);
    expect(await kept.current()).toEqual({ _tag: 'Right', right: await wholeFold(mine) });
    await append(other, [joined()]);
    expect(await kept.current()).toEqual({ _tag: 'Right', right: await wholeFold(mine) });
    expect(await kept.current()).toEqual({ _tag: 'Right', right: await wholeFold(mine) });
    await append(mine, [joined(), joined()]);
    expect(await kept.current()).toEqual({ _tag: 'Right', right: await wholeFold(mine) });
    // The whole stream once, then from after the kept revision each time.
    expect(reads).toEqual([{}, { fromRevision: 2 }, { fromRevision: 3 }, { fromRevision: 3 }]);
  });

  it('starts from an empty register and keeps it', async () => {
    const reads: (ReadStreamOptions | undefined)[] = [];
    const store = sqliteStore();
    const kept = new KeptFold(input(noting(store, reads)));
    expect(await kept.current()).toEqual({ _tag: 'Right', right: teamDecider.initialState() });
    await append(store, [joined()]);
    expect(await kept.current()).toEqual({ _tag: 'Right', right: await wholeFold(store) });
    expect(reads).toEqual([{}, { fromRevision: 0 }]);
  });

  it('folds the whole stream at every use on a store whose revisions are not known to be dense', async () => {
    const reads: (ReadStreamOptions | undefined)[] = [];
    const memory = createMemoryEventStore();
    const store = Object.assign(noting(memory, reads), { revisionsExact: false });
    const kept = new KeptFold(input(store));
    await append(memory, [joined()]);
    await kept.current();
    await append(memory, [joined()]);
    expect(await kept.current()).toEqual({ _tag: 'Right', right: await wholeFold(memory) });
    expect(reads).toEqual([{}, {}]);
  });

  it('refuses a tail it cannot decode at every use, never answering the state kept before it', async () => {
    const store = sqliteStore();
    const kept = new KeptFold(input(store));
    await append(store, [joined()]);
    await kept.current();
    const eventId = randomUUID();
    const metadata = { eventId, occurredAt: '2025-01-01T00:00:00.000Z', schemaVersion: 1 };
    await store.appendToStream(TEAM_STREAM, [{ eventId, type: 'NotATeamEvent', data: {}, metadata }]);
    const refused = expect.objectContaining({ _tag: 'Left' });
    expect(await kept.current()).toEqual(refused);
    expect(await kept.current()).toEqual(refused);
  });

  it('will not keep the fold of a stream whose events carry personal data (it would outlive their erasure)', () => {
    expect(
      () =>
        new KeptFold({
          store: createMemoryEventStore(),
          codec,
          decider: customerDecider,
          registry: customerEventRegistry,
          streamName: 'customer-c-1',
        }),
    ).toThrow(/personal data \(CustomerRegistered/);
  });
});
