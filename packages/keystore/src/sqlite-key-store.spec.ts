import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { customerDecider, customerEventRegistry, salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, createMemoryEventStore, createPersonalDataCodec, handleCommand, loadAggregate, StoreConfigurationError } from '@salesbook/eventstore';
import { createSqliteKeyStore, type SqliteKeyStore } from './sqlite-key-store.js';

let dir: string;
let file: string;
const master = randomBytes(32);
const open = (masterKey: Uint8Array = master): SqliteKeyStore => createSqliteKeyStore({ path: file, masterKey });
/** Commit frames of the -wal's current generation: a frame whose header (24 bytes) gives a database size is a commit. */
const walCommits = (wal: Buffer): number => {
  const pageSize = wal.readUInt32BE(8);
  let commits = 0;
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    // Frames left from before a reset carry other salts (header bytes 16-23): they are not this generation's.
    if (!wal.subarray(at + 8, at + 16).equals(wal.subarray(16, 24))) break;
    if (wal.readUInt32BE(at + 4) > 0) commits += 1;
  }
  return commits;
};
const everyByte = (): Buffer => Buffer.concat(readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isFile()).map((name) => readFileSync(path.join(dir, name))));

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-'));
  file = path.join(dir, 'keys.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the SQLite key store', () => {
  it('makes one data key per customer, kept across instances and processes sharing the file', async () => {
    const keys = open();
    const first = (await keys.keysForWriting(['c-1', 'c-2'])).get('c-1');
    const again = (await keys.keysForWriting(['c-1'])).get('c-1');
    expect(again).toEqual(first);
    const other = open();
    if (first === undefined || first === 'forgotten') throw new Error('no key');
    expect((await other.keysForReading([first.keyId, 'unknown'])).get(first.keyId)).toEqual(first);
    expect((await other.keysForReading(['unknown'])).size).toBe(0);
    await keys.linkSubjects(new Map([['complaint-1', 'c-1']]));
    await keys.linkSubjects(new Map([['complaint-1', 'c-2']]));
    expect(await other.ownersOf(['complaint-1', 'complaint-2'])).toEqual(new Map([['complaint-1', 'c-1']]));
    await Promise.all([keys.close(), other.close()]);
  });

  it('makes the first keys asked for in one event-loop turn in one transaction, each caller getting its own', async () => {
    const keys = open();
    await keys.keysForWriting(['c-0']);
    const commits = (): number => walCommits(readFileSync(`${file}-wal`));
    const before = commits();
    expect(before).toBeGreaterThan(0);
    const asked = Array.from({ length: 40 }, (_, index) => [`c-${index % 30}`, `d-${index}`]);
    const answers = await Promise.all(asked.map((customerIds) => keys.keysForWriting(customerIds)));
    expect(commits() - before).toBe(1);
    answers.forEach((answer, index) => expect([...answer.keys()]).toEqual(asked[index]));
    // Two callers asking for the same new customer get the same key, and another instance reads every key.
    expect(answers[3]?.get('c-3')).toEqual(answers[33]?.get('c-3'));
    const other = open();
    for (const answer of answers) {
      for (const key of answer.values()) {
        if (key === 'forgotten') throw new Error('a first key cannot be forgotten');
        expect((await other.keysForReading([key.keyId])).get(key.keyId)).toEqual(key);
      }
    }
    await Promise.all([keys.close(), other.close()]);
  });

  it('switches a key store made with a rollback journal to WAL on open, keeping its keys', async () => {
    const keys = open();
    const key = (await keys.keysForWriting(['c-1'])).get('c-1');
    await keys.close();
    const old = new Database(file);
    expect(old.pragma('journal_mode = DELETE', { simple: true })).toBe('delete');
    old.close();
    const reopened = open();
    expect((await reopened.keysForWriting(['c-1'])).get('c-1')).toEqual(key);
    const peek = new Database(file, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    peek.close();
    await reopened.close();
  });

  it('refuses a master key that did not make it, in one line naming the variable', async () => {
    await open().close();
    expect(() => open(randomBytes(32))).toThrow(StoreConfigurationError);
    expect(() => open(randomBytes(32))).toThrow(/SALESBOOK_MASTER_KEY does not open the key store/);
  });

  it('forgets: the wrapped key is gone from every byte of the folder, the tombstone stays, and it is idempotent', async () => {
    const keys = open();
    const key = (await keys.keysForWriting(['c-1'])).get('c-1');
    if (key === undefined || key === 'forgotten') throw new Error('no key');
    await keys.keysForWriting(['c-2']);
    const wrapped = new Database(file, { readonly: true }).prepare("SELECT wrapped FROM data_keys WHERE customer_id = 'c-1'").pluck().get() as Buffer;
    expect(everyByte().includes(wrapped)).toBe(true);

    expect(await keys.forget('c-1')).toEqual({ customerId: 'c-1', destroyed: true });
    expect(await keys.forget('c-1')).toEqual({ customerId: 'c-1', destroyed: false });
    await keys.close();
    expect(everyByte().includes(wrapped)).toBe(false);
    expect(everyByte().includes(Buffer.from(key.key))).toBe(false);
    const reopened = open();
    expect((await reopened.keysForReading([key.keyId])).get(key.keyId)).toBe('forgotten');
    expect((await reopened.keysForWriting(['c-1'])).get('c-1')).toBe('forgotten');
    expect(await reopened.forget('never-seen')).toEqual({ customerId: 'never-seen', destroyed: false });
    expect((await reopened.keysForWriting(['never-seen'])).get('never-seen')).toBe('forgotten');
    await reopened.close();
  });

  it('rotates the master key without touching events: old events open with the new key, the old key opens nothing', async () => {
    const store = createMemoryEventStore();
    const keys = open();
    const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
    const command = {
      type: 'RegisterCustomer',
      data: { customerId: 'c-1', companyName: 'Bolt', contact: { name: 'Wang Fang', phone: '+86 21 5555-0100', email: 'wang.fang@example.com' }, region: 'east', segment: 'smb', ownerRepId: 'rep-1' },
      metadata: { actor: { id: 'rep-1', role: 'sales_rep', region: 'east' }, occurredAt: '2026-03-01T09:00:00Z' },
    };
    await handleCommand({ store, codec, decider: customerDecider, registry: customerEventRegistry, streamName: 'customer-c-1', command: command as never, commandId: 'cmd-1' });
    const before = await store.readAll();
    const next = randomBytes(32);
    expect(await keys.rotateMasterKey(next)).toEqual({ rewrapped: 1 });
    await keys.close();

    expect(() => open(master)).toThrow(/does not open/);
    const rotated = open(next);
    const loaded = await loadAggregate({ store, codec: createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys: rotated }), decider: customerDecider, registry: customerEventRegistry, streamName: 'customer-c-1' });
    expect(loaded).toMatchObject({ _tag: 'Right', right: { state: { contact: { email: 'wang.fang@example.com' } } } });
    expect(await store.readAll()).toEqual(before);
    await rotated.close();
  });

  it('keeps the read log in its file, filtered by customer, actor and time', async () => {
    const keys = open();
    const read = { actorId: 'rm-east', role: 'regional_manager', purpose: 'GET /customers/c-1', customerIds: ['c-1', 'c-2'], streams: ['customer-c-1'] };
    await keys.reads.record({ ...read, at: '2026-04-01T08:00:00.000Z' });
    await keys.reads.record({ ...read, actorId: 'sm-1', customerIds: ['c-3'], at: '2026-04-02T08:00:00.000Z' });
    await keys.close();
    const reopened = open();
    expect(await reopened.reads.list({ customerId: 'c-2' })).toEqual([{ ...read, at: '2026-04-01T08:00:00.000Z' }]);
    expect((await reopened.reads.list({ since: '2026-04-02T00:00:00Z' })).map((entry) => entry.actorId)).toEqual(['sm-1']);
    expect(await reopened.reads.list({ actorId: 'nobody' })).toEqual([]);
    await reopened.close();
  });
});
