import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { createSqliteKeyStore, type SqliteKeyStore } from './sqlite-key-store.js';
import { describeKeyStoreContract } from './testing/key-store-contract.js';

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
const everyByte = (): Buffer =>
  Buffer.concat(
    readdirSync(dir)
      .filter((name) => statSync(path.join(dir, name)).isFile())
      .map((name) => readFileSync(path.join(dir, name))),
  );

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-'));
  file = path.join(dir, 'keys.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describeKeyStoreContract('sqlite', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-contract-'));
  return {
    open: async (masterKey) => createSqliteKeyStore({ path: path.join(folder, 'keys.db'), masterKey }),
    dispose: async () => rmSync(folder, { recursive: true, force: true }),
  };
});

describe('the SQLite key store', () => {
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

  it('forgets: the wrapped key is gone from every byte of the folder, the tombstone stays, and it is idempotent', async () => {
    const keys = open();
    const key = (await keys.keysForWriting(['c-1'])).get('c-1');
    if (key === undefined || key === 'forgotten') throw new Error('no key');
    await keys.keysForWriting(['c-2']);
    const wrapped = new Database(file, { readonly: true })
      .prepare("SELECT wrapped FROM data_keys WHERE customer_id = 'c-1'")
      .pluck()
      .get() as Buffer;
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
});
