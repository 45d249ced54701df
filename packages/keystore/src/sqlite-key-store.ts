import { randomBytes } from 'node:crypto';
import { StoreConfigurationError, StoreUnavailableError } from '@salesbook/eventstore';
import type { DataKeyLookup, ForgetResult } from '@salesbook/personal-data';
import { createDurability } from './durability.js';
import { checkMasterKey, guarded, masterCheckValue } from './guards.js';
import { createKeyBatch } from './key-batch.js';
import { drawKeyMaterial } from './key-material.js';
import type { ManagedKeyStore } from './key-store.js';
import { openKeyStoreFile } from './schema.js';
import { createSqliteReadLog } from './sqlite-read-log.js';
import { dataKeyContext, unwrap, wrap } from './wrap.js';

/** Options of {@link createSqliteKeyStore}. */
export interface SqliteKeyStoreOptions {
  /** The key store file, e.g. `./data/keys.db`: never the event log's file. Created when missing. */
  readonly path: string;
  /** 32 bytes (see `resolveMasterKey`); it wraps every data key and never touches the disk here. */
  readonly masterKey: Uint8Array;
  /** How long a write waits for another process's lock (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** The clock of `created_at` and `forgotten_at` (default: the system clock). */
  readonly clock?: () => Date;
}

/**
 * The embedded key store: the port, the read log in the same file, master key rotation. Its `warning` after a
 * rotation says the clean-up did not complete (another process was reading the file), so copies wrapped by the old
 * master key may remain in the -wal until the next forget, rotation or last close. One host only: SQLite's WAL mode
 * works for processes of one machine, never over a network file system.
 */
export interface SqliteKeyStore extends ManagedKeyStore {
  readonly path: string;
}

interface KeyRow {
  readonly key_id: string;
  readonly customer_id: string;
  readonly wrapped: Buffer | null;
}

const newKeyId = (): string => randomBytes(16).toString('hex');
// Names of rows whose sync is tracked: a customer's key, a subject's link.
const customerName = (customerId: string): string => `customer:${customerId}`;
const subjectName = (subject: string): string => `subject:${subject}`;

/**
 * The embedded data key store: one SQLite file of its own (WAL), each customer's 256-bit data key wrapped
 * (AES-256-GCM) by the master key. A new key is handed out only once its row is on disk, and the event loop
 * never waits for the disk meanwhile (see `durability.ts`). `forget` destroys the wrapped key, VACUUMs and
 * truncates the -wal, so its bytes are gone from every file; it fails loudly when another process kept the
 * -wal from being truncated. Several processes (API and CLI) may share the file.
 *
 * @example
 * const keys = createSqliteKeyStore({ path: './data/keys.db', masterKey: resolveMasterKey({ value: process.env.SALESBOOK_MASTER_KEY, development, developmentKeyFile: './data/master.key' }).key });
 * const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
 */
export function createSqliteKeyStore(options: SqliteKeyStoreOptions): SqliteKeyStore {
  if (options.masterKey.length !== 32) throw new StoreConfigurationError('the master key must be 32 bytes');
  const db = openKeyStoreFile(options.path, options.busyTimeoutMs ?? 5000);
  let masterKey = Buffer.from(options.masterKey);
  try {
    checkMasterKey(db, masterKey, options.path);
  } catch (error) {
    db.close();
    throw error;
  }
  const durability = createDurability(db, options.path);
  const now = (): string => (options.clock?.() ?? new Date()).toISOString();
  const byCustomer = db.prepare<[string], KeyRow>(
    'SELECT key_id, customer_id, wrapped FROM data_keys WHERE customer_id = ?',
  );
  const byKeyIds = db.prepare<[string], KeyRow>(
    'SELECT key_id, customer_id, wrapped FROM data_keys WHERE key_id IN (SELECT value FROM json_each(?))',
  );
  const insertKey = db.prepare(
    'INSERT INTO data_keys (key_id, customer_id, wrapped, created_at, forgotten_at) VALUES (?, ?, ?, ?, ?)',
  );
  const destroyKey = db.prepare('UPDATE data_keys SET wrapped = NULL, forgotten_at = ? WHERE customer_id = ?');
  const rewrapKey = db.prepare('UPDATE data_keys SET wrapped = ? WHERE key_id = ?');
  const link = db.prepare('INSERT OR IGNORE INTO key_subjects (subject, customer_id) VALUES (?, ?)');
  const owners = db.prepare<[string], { subject: string; customer_id: string }>(
    'SELECT subject, customer_id FROM key_subjects WHERE subject IN (SELECT value FROM json_each(?))',
  );

  const lookup = (row: KeyRow): DataKeyLookup => {
    if (row.wrapped === null) return 'forgotten';
    const key = unwrap(masterKey, row.wrapped, dataKeyContext(row.key_id, row.customer_id));
    if (key === undefined)
      throw new StoreConfigurationError(
        `the data key ${row.key_id} does not open with the master key: the key store was altered`,
      );
    return { keyId: row.key_id, customerId: row.customer_id, key };
  };
  const keysForWriting = db.transaction((customerIds: readonly string[]) => {
    const existing = customerIds.map((customerId) => byCustomer.get(customerId));
    const take = drawKeyMaterial(existing.filter((row) => row === undefined).length);
    const createdAt = now();
    return new Map(
      customerIds.map((customerId, index): [string, DataKeyLookup] => {
        const row = existing[index];
        if (row) return [customerId, lookup(row)];
        const { keyId, key, iv } = take();
        insertKey.run(keyId, customerId, wrap(masterKey, key, dataKeyContext(keyId, customerId), iv), createdAt, null);
        return [customerId, { keyId, customerId, key }];
      }),
    );
  });
  const forget = db.transaction((customerId: string): ForgetResult => {
    const existing = byCustomer.get(customerId);
    if (existing === undefined) insertKey.run(newKeyId(), customerId, null, now(), now());
    else if (existing.wrapped !== null) destroyKey.run(now(), customerId);
    return { customerId, destroyed: existing?.wrapped !== null && existing !== undefined };
  });
  const rotate = db.transaction((next: Buffer): number => {
    const rows = db
      .prepare<[], KeyRow>('SELECT key_id, customer_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL')
      .all();
    for (const row of rows) {
      const found = lookup(row);
      if (found !== 'forgotten')
        rewrapKey.run(wrap(next, found.key, dataKeyContext(row.key_id, row.customer_id)), row.key_id);
    }
    db.prepare("UPDATE meta SET value = ? WHERE name = 'master_check'").run(masterCheckValue(next));
    return rows.length;
  });

  const firstKeys = createKeyBatch(
    (customerIds) => guarded(() => keysForWriting.immediate(customerIds)),
    (customerIds) => durability.committed(customerIds.map(customerName)),
  );
  /**
   * VACUUM rebuilds the file so no page keeps freed bytes; the -wal is then copied in and truncated. `false` when
   * another process (a reader, or a writer past the busy timeout) kept either from completing. This store's own
   * checkpoint thread is paused meanwhile: its passive checkpoint holds the checkpoint lock while it copies and
   * fsyncs, which on a busy disk outlasted a short busy timeout and failed an erasure no other process stood in the way of.
   */
  const compact = (): Promise<boolean> =>
    durability.withoutCheckpoints(() => {
      try {
        guarded(() => db.exec('VACUUM'));
      } catch (error) {
        if (error instanceof StoreUnavailableError) return false;
        throw error;
      }
      return durability.truncateWal();
    });

  return {
    path: options.path,
    location: options.path,
    reads: createSqliteReadLog(db, () => durability.committed([])),
    async keysForWriting(customerIds) {
      durability.assertUsable();
      // Known customers need no write lock; only a first key for someone takes the IMMEDIATE transaction.
      const known = guarded(() =>
        customerIds.flatMap((customerId) => {
          const row = byCustomer.get(customerId);
          return row ? [[customerId, lookup(row)] as const] : [];
        }),
      );
      if (known.length < customerIds.length) return firstKeys.request(customerIds);
      await durability.found(customerIds.map(customerName));
      return new Map(known);
    },
    async keysForReading(keyIds) {
      return guarded(() => new Map(byKeyIds.all(JSON.stringify(keyIds)).map((row) => [row.key_id, lookup(row)])));
    },
    async linkSubjects(links) {
      durability.assertUsable();
      guarded(() =>
        db
          .transaction(() => {
            for (const [subject, customerId] of links) link.run(subject, customerId);
          })
          .immediate(),
      );
      await durability.committed([...links.keys()].map(subjectName));
    },
    async ownersOf(subjects) {
      const found = guarded(
        () => new Map(owners.all(JSON.stringify(subjects)).map((row) => [row.subject, row.customer_id])),
      );
      await durability.found(subjects.map(subjectName));
      return found;
    },
    async forget(customerId) {
      durability.assertUsable();
      const result = guarded(() => forget.immediate(customerId));
      // secure_delete zeroed the freed bytes; VACUUM and the checkpoint leave no old page in the file or the -wal.
      const truncated = await compact();
      await durability.committed([customerName(customerId)]);
      if (!truncated) {
        throw new StoreUnavailableError(
          `the data key of ${customerId} is destroyed, but another process kept ${options.path}-wal from being truncated, so old copies of it may remain there: forget again (it is idempotent) once that process is done`,
        );
      }
      return result;
    },
    async rotateMasterKey(newMasterKey) {
      if (newMasterKey.length !== 32) throw new StoreConfigurationError('the new master key must be 32 bytes');
      durability.assertUsable();
      const next = Buffer.from(newMasterKey);
      const rewrapped = guarded(() => rotate.immediate(next));
      masterKey.fill(0);
      masterKey = next;
      // The rotation is committed: a clean-up that another process blocks is a warning, not a failure.
      const truncated = await compact();
      await durability.committed([]);
      if (truncated) return { rewrapped };
      return {
        rewrapped,
        warning: `another process kept ${options.path} from being compacted: keys wrapped by the old master key may remain in its -wal until the next forget, rotation or last close`,
      };
    },
    async close() {
      firstKeys.flush();
      await durability.settled();
      await durability.close();
      masterKey.fill(0);
      if (db.open) db.close();
    },
  };
}
