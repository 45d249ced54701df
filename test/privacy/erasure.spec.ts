import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import {
  complaintDecider,
  complaintEventRegistry,
  complaintStream,
  customerDecider,
  customerEventRegistry,
  customerStream,
  salesbookEventRegistry,
} from '@salesbook/domain';
import {
  createEventCodec,
  handleCommand,
  loadAggregate,
  verifyChain,
  type EventCodec,
  type EventStore,
} from '@salesbook/eventstore';
import { createPersonalDataCodec, ERASED_PERSONAL_DATA, forgetCustomer } from '@salesbook/personal-data';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { createSqliteKeyStore, generateMasterKey, parseMasterKey, type SqliteKeyStore } from '@salesbook/keystore';
import { allProjections, ProjectionRunner } from '@salesbook/projections';
import * as f from './fixtures.js';

// Erasure: forget a customer, then search every byte of the data directory for the erased email and phone.
let dir: string;
let store: EventStore;
let keys: SqliteKeyStore;
let codec: EventCodec;
const masterKey = parseMasterKey(generateMasterKey());
let commands = 0;

async function run(decider: unknown, streamName: string, command: unknown): Promise<void> {
  const result = await handleCommand({
    store,
    codec,
    decider: decider as never,
    registry: salesbookEventRegistry,
    streamName,
    command: command as never,
    commandId: `cmd-${++commands}`,
  });
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left));
}

async function project(): Promise<void> {
  const db = new Database(path.join(dir, 'readmodels.db'));
  const runner = new ProjectionRunner({ db, store, projections: allProjections });
  await runner.start();
  await runner.whenLive();
  const readiness = await runner.readiness();
  expect(readiness.projections.flatMap((status) => runner.parked(status.name))).toEqual([]);
  await runner.stop();
  db.close();
}

async function history(): Promise<void> {
  for (const customerId of ['cust-gone', 'cust-kept']) {
    await run(
      customerDecider,
      customerStream(customerId as never),
      f.register(customerId, customerId === 'cust-gone' ? f.EMAIL : f.KEPT_EMAIL),
    );
    await run(customerDecider, customerStream(customerId as never), f.survey(customerId));
    await run(
      complaintDecider,
      complaintStream(`cmp-${customerId}` as never),
      f.fileComplaint(customerId, `cmp-${customerId}`),
    );
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesbook-privacy-'));
  store = createSqliteEventStore({ path: path.join(dir, 'events.db') });
  keys = createSqliteKeyStore({ path: path.join(dir, 'keys.db'), masterKey });
  codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
});
afterEach(async () => {
  await store.close();
  await keys.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('erasure at store level (SQLite event store, SQLite key store, read models, one data directory)', () => {
  it('keeps personal data out of every file from the start: events hold ciphertext, read models hold none', async () => {
    await history();
    await project();
    for (const needle of [f.EMAIL, f.PHONE, f.NAME, f.KEPT_EMAIL])
      expect({ needle, files: f.filesHolding(dir, needle) }).toEqual({ needle, files: [] });
    // The search does find what is there: business facts stay in clear.
    expect(f.filesHolding(dir, 'cust-kept Trading Co.').filter((name) => name.startsWith('events.db'))).not.toEqual([]);
  });

  it('read models never hold personal data, even from history written before encryption', async () => {
    codec = createEventCodec(salesbookEventRegistry);
    await history();
    await project();
    expect(f.filesHolding(dir, f.EMAIL).filter((name) => name.startsWith('events.db'))).not.toEqual([]);
    for (const needle of [f.EMAIL, f.PHONE, f.NAME, f.KEPT_EMAIL]) {
      expect({ needle, files: f.filesHolding(dir, needle).filter((name) => name.startsWith('readmodels')) }).toEqual({
        needle,
        files: [],
      });
    }
  });

  it('forgets a customer: history replays with the fields erased, chains verify, reports still add up, the key is gone', async () => {
    await history();
    const wrapped = new Database(path.join(dir, 'keys.db'), { readonly: true });
    const wrappedKey = wrapped
      .prepare("SELECT wrapped FROM data_keys WHERE customer_id = 'cust-gone'")
      .pluck()
      .get() as Buffer;
    wrapped.close();

    const command = f.forget('cust-gone');
    const erased = await forgetCustomer({ store, codec, keys, command: command as never, commandId: 'forget-1' });
    expect(erased).toMatchObject({
      _tag: 'Right',
      right: { keyDestroyed: true, events: [{ type: 'CustomerPersonalDataForgotten' }] },
    });

    const customer = await loadAggregate({
      store,
      codec,
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream('cust-gone' as never),
    });
    expect(customer).toMatchObject({
      _tag: 'Right',
      right: { state: { personalDataErased: true, contact: { name: null, phone: null, email: null } } },
    });
    expect(customer._tag === 'Right' && customer.right.events[1]?.data).toMatchObject({
      comment: ERASED_PERSONAL_DATA,
    });
    const complaint = await loadAggregate({
      store,
      codec,
      decider: complaintDecider,
      registry: complaintEventRegistry,
      streamName: complaintStream('cmp-cust-gone' as never),
    });
    expect(complaint._tag === 'Right' && complaint.right.events[0]?.data).toMatchObject({
      description: ERASED_PERSONAL_DATA,
      severity: 'high',
    });
    const kept = await loadAggregate({
      store,
      codec,
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream('cust-kept' as never),
    });
    expect(kept).toMatchObject({ _tag: 'Right', right: { state: { contact: { email: f.KEPT_EMAIL } } } });

    const all = await store.readAll({ maxCount: 10_000 });
    const streams = [...new Set(all.map((event) => event.streamName))];
    expect(streams).toHaveLength(4);
    for (const streamName of streams)
      expect({ streamName, broken: verifyChain(await store.readStream(streamName)) }).toEqual({
        streamName,
        broken: undefined,
      });
    await project();

    // A retry of the same request appends nothing more and destroys nothing more.
    expect(
      await forgetCustomer({ store, codec, keys, command: command as never, commandId: 'forget-1' }),
    ).toMatchObject({ _tag: 'Right', right: { keyDestroyed: false } });

    const whileOpen = readdirSync(dir);
    for (const needle of [f.EMAIL, f.PHONE, f.NAME])
      expect({ needle, files: f.filesHolding(dir, needle) }).toEqual({ needle, files: [] });
    await store.close();
    await keys.close();
    expect(readdirSync(dir).filter((name) => !whileOpen.includes(name))).toEqual([]);
    for (const needle of [f.EMAIL, f.PHONE, f.NAME])
      expect({ needle, files: f.filesHolding(dir, needle) }).toEqual({ needle, files: [] });
    expect(
      f
        .everyFile(dir)
        .filter(([, bytes]) => bytes.includes(wrappedKey))
        .map(([name]) => path.basename(name)),
    ).toEqual([]);
  });
});
