import fs, { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import { StoreUnavailableError } from '@salesbook/eventstore';
import { createSqliteKeyStore, type SqliteKeyStore } from './sqlite-key-store.js';

let dir: string;
let file: string;
const master = randomBytes(32);
const open = (busyTimeoutMs?: number): SqliteKeyStore =>
  createSqliteKeyStore({ path: file, masterKey: master, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }) });
const everyByte = (): Buffer =>
  Buffer.concat(
    readdirSync(dir)
      .filter((name) => statSync(path.join(dir, name)).isFile())
      .map((name) => readFileSync(path.join(dir, name))),
  );
const turns = async (count: number): Promise<void> => {
  for (let turn = 0; turn < count; turn += 1) await new Promise((resolve) => setImmediate(resolve));
};
const stored = (sql: string): unknown => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).pluck().get();
  } finally {
    db.close();
  }
};

type SyncCallback = (error: NodeJS.ErrnoException | null) => void;
const realFdatasync = fs.fdatasync;
/**
 * The -wal's sync (an fdatasync) is the one call here that nothing real can make wait or fail on demand (a failing
 * disk), so the test stands in for it: `hold` keeps each sync until `release` runs the real one; `fail` answers EIO.
 */
const walSyncs = (mode: 'hold' | 'fail') => {
  const held: { fd: number; callback: SyncCallback }[] = [];
  const spy = jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, callback: SyncCallback) => {
    if (mode === 'fail')
      setImmediate(() => callback(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })));
    else held.push({ fd, callback });
  }) as typeof fs.fdatasync);
  return {
    held,
    release() {
      spy.mockRestore();
      for (const { fd, callback } of held.splice(0)) realFdatasync(fd, callback);
    },
  };
};

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-durable-'));
  file = path.join(dir, 'keys.db');
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('the key store hands out a key only once it is on disk', () => {
  it('answers first keys after the -wal fsync (the event loop turns meanwhile), and a lookup of a key still being synced waits too', async () => {
    const keys = open();
    await keys.keysForWriting(['c-0']);
    const sync = walSyncs('hold');
    let answered = 0;
    const first = Promise.all([keys.keysForWriting(['c-1']), keys.keysForWriting(['c-1', 'c-2'])]).then((answers) => {
      answered += 1;
      return answers;
    });
    await turns(3);
    // Committed (another connection reads both rows) but not yet durable: nobody has the keys.
    expect(stored("SELECT count(*) FROM data_keys WHERE customer_id IN ('c-1', 'c-2')")).toBe(2);
    expect(sync.held).toHaveLength(1);
    const again = keys.keysForWriting(['c-1']).then((answer) => {
      answered += 1;
      return answer;
    });
    await turns(5);
    expect(answered).toBe(0);

    sync.release();
    const [one, both] = await first;
    expect(one.get('c-1')).toEqual(both.get('c-1'));
    expect([...both.keys()]).toEqual(['c-1', 'c-2']);
    expect((await again).get('c-1')).toEqual(one.get('c-1'));
    await keys.close();
  });

  it('hands out a key another connection committed only after a sync of the -wal, and a known key afterwards without one', async () => {
    const keys = open();
    const other = open();
    await keys.keysForWriting(['c-0']);
    await keys.keysForWriting(['c-0']);
    const made = (await other.keysForWriting(['c-9'])).get('c-9');
    const sync = walSyncs('hold');
    let answered = false;
    const seen = keys.keysForWriting(['c-9']).then((answer) => {
      answered = true;
      return answer;
    });
    await turns(5);
    expect(answered).toBe(false);
    expect(sync.held).toHaveLength(1);
    sync.release();
    expect((await seen).get('c-9')).toEqual(made);

    // Nothing new committed elsewhere and nothing of its own in flight: known keys cost no fsync.
    const watch = jest.spyOn(fs, 'fdatasync');
    expect((await keys.keysForWriting(['c-9', 'c-0'])).size).toBe(2);
    expect(watch).not.toHaveBeenCalled();
    await Promise.all([keys.close(), other.close()]);
  });

  it('fails every caller of a batch whose fsync failed, and then hands out and writes nothing until reopened', async () => {
    const keys = open();
    await keys.keysForWriting(['c-0']);
    walSyncs('fail');
    const asked = [keys.keysForWriting(['c-1']), keys.keysForWriting(['c-1', 'c-2'])];
    for (const answer of asked)
      await expect(answer).rejects.toThrow(/could not make its writes durable \(fsync of its -wal failed\)/);
    jest.restoreAllMocks();

    // The rows may be in the file, but no longer known to be durable: none of them, nor any other key, is handed out.
    expect(stored("SELECT count(*) FROM data_keys WHERE customer_id IN ('c-1', 'c-2')")).toBe(2);
    for (const customerIds of [['c-1'], ['c-0'], ['c-3']])
      await expect(keys.keysForWriting(customerIds)).rejects.toThrow(StoreUnavailableError);
    await expect(keys.linkSubjects(new Map([['complaint-1', 'c-0']]))).rejects.toThrow(StoreUnavailableError);
    await expect(keys.forget('c-0')).rejects.toThrow(StoreUnavailableError);
    await expect(
      keys.reads.record({
        actorId: 'a',
        role: 'auditor',
        purpose: 'p',
        at: '2026-04-01T08:00:00.000Z',
        customerIds: ['c-0'],
        streams: [],
      }),
    ).rejects.toThrow(StoreUnavailableError);
    await keys.close();

    const reopened = open();
    expect((await reopened.keysForWriting(['c-3'])).get('c-3')).toMatchObject({ customerId: 'c-3' });
    await reopened.close();
  });
});

/** Another process holding a read transaction on the file until its stdin ends (what keeps a checkpoint from completing). */
const READER = `
import Database from 'better-sqlite3';
const db = new Database(process.argv[1]);
db.exec('BEGIN');
db.prepare('SELECT count(*) FROM data_keys').get();
console.log('reading');
process.stdin.resume();
process.stdin.on('end', () => { db.exec('COMMIT'); db.close(); });
`;

describe('erasure in WAL mode', () => {
  it('fails loudly while another process keeps the -wal from being truncated, and a repeat leaves no byte of the key', async () => {
    const keys = open(300);
    const key = (await keys.keysForWriting(['c-1'])).get('c-1');
    if (key === undefined || key === 'forgotten') throw new Error('no key');
    await keys.keysForWriting(['c-2']);
    const wrapped = stored("SELECT wrapped FROM data_keys WHERE customer_id = 'c-1'") as Buffer;
    const reader = spawn(process.execPath, ['--input-type=module', '-e', READER, file], {
      cwd: path.join(__dirname, '..'),
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const [line] = (await once(reader.stdout, 'data')) as [Buffer];
    expect(line.toString()).toBe('reading\n');

    await expect(keys.forget('c-1')).rejects.toThrow(
      /the data key of c-1 is destroyed, but another process kept .*keys\.db-wal from being truncated/,
    );
    // The key is destroyed, yet its old copy is still in the -wal: the failure is real, not a precaution.
    expect((await keys.keysForReading([key.keyId])).get(key.keyId)).toBe('forgotten');
    expect(readFileSync(`${file}-wal`).includes(wrapped)).toBe(true);

    reader.stdin.end();
    expect((await once(reader, 'exit'))[0]).toBe(0);
    expect(await keys.forget('c-1')).toEqual({ customerId: 'c-1', destroyed: false });
    // Searched while the store is still open (the API does not close it): file, -wal and -shm.
    expect(statSync(`${file}-wal`).size).toBe(0);
    expect(everyByte().includes(wrapped)).toBe(false);
    expect(everyByte().includes(Buffer.from(key.key))).toBe(false);
    expect((await keys.keysForWriting(['c-2'])).get('c-2')).toMatchObject({ customerId: 'c-2' });
    await keys.close();
  });
});
