import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import {
  StoreConfigurationError,
  StoreUnavailableError,
  type DataKeyLookup,
  type DataKeyStore,
  type ForgetResult,
  type PersonalDataReadLog,
} from '@salesbook/eventstore';
import { createKeyBatch } from './key-batch.js';
import { openKeyStoreFile } from './schema.js';
import { createSqliteReadLog } from './sqlite-read-log.js';
import { dataKeyContext, MASTER_CHECK_CONTEXT, unwrap, wrap } from './wrap.js';

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

/** The embedded key store: the port, the read log in the same file, master key rotation. */
export interface SqliteKeyStore extends DataKeyStore {
  readonly path: string;
  /** The personal data read log, kept in the key store's file. */
  readonly reads: PersonalDataReadLog;
  /** Re-wraps every data key with `newMasterKey` in one transaction; events are not touched. */
  rotateMasterKey(newMasterKey: Uint8Array): Promise<{ readonly rewrapped: number }>;
  close(): Promise<void>;
}

interface KeyRow {
  readonly key_id: string;
  readonly customer_id: string;
  readonly wrapped: Buffer | null;
}

const CHECK = Buffer.from('salesbook key store', 'utf8');
const newKeyId = (): string => randomBytes(16).toString('hex');

/** Runs a SQLite call, turning a locked database into the port's "unavailable" error. */
function guarded<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) throw new StoreUnavailableError('the key store is locked by another process', { cause: error });
    throw error;
  }
}

/** Checks (or, on a new file, records) that `masterKey` opens this key store. */
function checkMasterKey(db: Database.Database, masterKey: Uint8Array, path: string): void {
  const row = db.prepare<[], { value: Buffer }>("SELECT value FROM meta WHERE name = 'master_check'").get();
  if (row === undefined) {
    const keys = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM data_keys').get()?.n ?? 0;
    if (keys > 0) throw new StoreConfigurationError(`the key store ${path} holds keys but no master key check: it is damaged`);
    db.prepare("INSERT INTO meta (name, value) VALUES ('master_check', ?)").run(wrap(masterKey, CHECK, MASTER_CHECK_CONTEXT));
    return;
  }
  if (unwrap(masterKey, row.value, MASTER_CHECK_CONTEXT)?.equals(CHECK) !== true) {
    throw new StoreConfigurationError(`SALESBOOK_MASTER_KEY does not open the key store ${path}: it was made (or last rotated) with another master key`);
  }
}

/**
 * The embedded data key store: one SQLite file of its own, each customer's 256-bit data key wrapped
 * (AES-256-GCM) by the master key. `forget` destroys the wrapped key, then VACUUMs, so its bytes are
 * gone from the file. Several processes (API and CLI) may share the file.
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
  const now = (): string => (options.clock?.() ?? new Date()).toISOString();
  const byCustomer = db.prepare<[string], KeyRow>('SELECT key_id, customer_id, wrapped FROM data_keys WHERE customer_id = ?');
  const byKeyIds = db.prepare<[string], KeyRow>('SELECT key_id, customer_id, wrapped FROM data_keys WHERE key_id IN (SELECT value FROM json_each(?))');
  const insertKey = db.prepare('INSERT INTO data_keys (key_id, customer_id, wrapped, created_at, forgotten_at) VALUES (?, ?, ?, ?, ?)');
  const destroyKey = db.prepare('UPDATE data_keys SET wrapped = NULL, forgotten_at = ? WHERE customer_id = ?');
  const rewrapKey = db.prepare('UPDATE data_keys SET wrapped = ? WHERE key_id = ?');
  const link = db.prepare('INSERT OR IGNORE INTO key_subjects (subject, customer_id) VALUES (?, ?)');
  const owners = db.prepare<[string], { subject: string; customer_id: string }>(
    'SELECT subject, customer_id FROM key_subjects WHERE subject IN (SELECT value FROM json_each(?))',
  );

  const lookup = (row: KeyRow): DataKeyLookup => {
    if (row.wrapped === null) return 'forgotten';
    const key = unwrap(masterKey, row.wrapped, dataKeyContext(row.key_id, row.customer_id));
    if (key === undefined) throw new StoreConfigurationError(`the data key ${row.key_id} does not open with the master key: the key store was altered`);
    return { keyId: row.key_id, customerId: row.customer_id, key };
  };
  const keysForWriting = db.transaction((customerIds: readonly string[]) =>
    new Map(
      customerIds.map((customerId): [string, DataKeyLookup] => {
        const existing = byCustomer.get(customerId);
        if (existing) return [customerId, lookup(existing)];
        const keyId = newKeyId();
        const key = randomBytes(32);
        insertKey.run(keyId, customerId, wrap(masterKey, key, dataKeyContext(keyId, customerId)), now(), null);
        return [customerId, { keyId, customerId, key }];
      }),
    ),
  );
  const forget = db.transaction((customerId: string): ForgetResult => {
    const existing = byCustomer.get(customerId);
    if (existing === undefined) insertKey.run(newKeyId(), customerId, null, now(), now());
    else if (existing.wrapped !== null) destroyKey.run(now(), customerId);
    return { customerId, destroyed: existing?.wrapped !== null && existing !== undefined };
  });
  const rotate = db.transaction((next: Buffer): number => {
    const rows = db.prepare<[], KeyRow>('SELECT key_id, customer_id, wrapped FROM data_keys WHERE wrapped IS NOT NULL').all();
    for (const row of rows) {
      const found = lookup(row);
      if (found !== 'forgotten') rewrapKey.run(wrap(next, found.key, dataKeyContext(row.key_id, row.customer_id)), row.key_id);
    }
    db.prepare("UPDATE meta SET value = ? WHERE name = 'master_check'").run(wrap(next, CHECK, MASTER_CHECK_CONTEXT));
    return rows.length;
  });

  const firstKeys = createKeyBatch((customerIds) => guarded(() => keysForWriting.immediate(customerIds)));

  return {
    path: options.path,
    reads: createSqliteReadLog(db),
    async keysForWriting(customerIds) {
      // Known customers need no write lock; only a first key for someone takes the IMMEDIATE transaction.
      const known = guarded(() => customerIds.flatMap((customerId) => { const row = byCustomer.get(customerId); return row ? [[customerId, lookup(row)] as const] : []; }));
      if (known.length === customerIds.length) return new Map(known);
      return firstKeys.request(customerIds);
    },
    async keysForReading(keyIds) {
      return guarded(() => new Map(byKeyIds.all(JSON.stringify(keyIds)).map((row) => [row.key_id, lookup(row)])));
    },
    async linkSubjects(links) {
      guarded(() => db.transaction(() => { for (const [subject, customerId] of links) link.run(subject, customerId); }).immediate());
    },
    async ownersOf(subjects) {
      return guarded(() => new Map(owners.all(JSON.stringify(subjects)).map((row) => [row.subject, row.customer_id])));
    },
    async forget(customerId) {
      const result = guarded(() => forget.immediate(customerId));
      // secure_delete already zeroed the freed bytes; VACUUM rebuilds the file so no page keeps them.
      guarded(() => db.exec('VACUUM'));
      return result;
    },
    async rotateMasterKey(newMasterKey) {
      if (newMasterKey.length !== 32) throw new StoreConfigurationError('the new master key must be 32 bytes');
      const next = Buffer.from(newMasterKey);
      const rewrapped = guarded(() => rotate.immediate(next));
      masterKey.fill(0);
      masterKey = next;
      guarded(() => db.exec('VACUUM'));
      return { rewrapped };
    },
    async close() {
      firstKeys.flush();
      masterKey.fill(0);
      if (db.open) db.close();
    },
  };
}
