import { randomBytes } from 'node:crypto';
import { StoreConfigurationError } from '@salesbook/eventstore';
import type { DataKeyLookup } from '@salesbook/personal-data';
import pg from 'pg';
import { checkValueOpens, masterCheckValue } from './guards.js';
import type { ManagedKeyStore } from './key-store.js';
import { pgGuarded } from './postgres/guard.js';
import { createPostgresReadLog } from './postgres/read-log.js';
import { prepareSchema } from './postgres/schema.js';
import { dataKeyContext, unwrap, wrap } from './wrap.js';

/** Options of {@link createPostgresKeyStore}. */
export interface PostgresKeyStoreOptions {
  /** `postgres://user:password@host:5432/database` (libpq's URL form; `?sslmode=require` for TLS). */
  readonly url: string;
  /** 32 bytes (see `resolveMasterKey`); it wraps every data key and never leaves this process. */
  readonly masterKey: Uint8Array;
  /** The schema holding the tables, created when missing (default `public`). */
  readonly schema?: string;
  /** Connections kept open (default 4). */
  readonly poolSize?: number;
  /** How long to wait for a connection before the store reports itself unavailable (default 5000 ms). */
  readonly connectTimeoutMs?: number;
  /** The clock of `created_at` and `forgotten_at` (default: the system clock). */
  readonly clock?: () => Date;
}

/** The shared key store on PostgreSQL. */
export type PostgresKeyStore = ManagedKeyStore;

interface KeyRow {
  readonly key_id: string;
  readonly customer_id: string;
  readonly wrapped: Buffer | null;
}

const SELECT_KEYS = 'SELECT key_id, customer_id, wrapped FROM data_keys';
const newKeyId = (): string => randomBytes(16).toString('hex');
/** The URL without its password, for messages and `location`. */
export const redactedUrl = (url: string): string => url.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, '$1:***@');

/**
 * The data key store shared by every instance on every host: the same contract as the SQLite key store, in a
 * PostgreSQL database. No key is cached: every seal and every open asks the database, so an erasure on one instance
 * holds on every other before its next seal or open of that customer. A first key is inserted with `ON CONFLICT DO
 * NOTHING` and read back, so two instances racing for one customer hand out the one key that won; each statement
 * commits with `synchronous_commit=on` (forced per connection) before a key is handed out, so a key is durable (on the
 * primary) before any event sealed with it. The read log lives in the same database.
 *
 * @example
 * const keys = await createPostgresKeyStore({ url: 'postgres://salesbook:secret@db.internal/salesbook', masterKey });
 * const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
 */
export async function createPostgresKeyStore(options: PostgresKeyStoreOptions): Promise<PostgresKeyStore> {
  if (options.masterKey.length !== 32) throw new StoreConfigurationError('the master key must be 32 bytes');
  const schema = options.schema ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new StoreConfigurationError(`the key store schema "${schema}" must be a lower-case SQL name`);
  const location = redactedUrl(options.url);
  const guarded = <T>(work: () => Promise<T>): Promise<T> => pgGuarded(location, work);
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    options: `-c search_path=${schema} -c synchronous_commit=on`,
  });
  // An idle connection that the server drops is replaced on the next query; without a listener it would end the process.
  pool.on('error', () => undefined);
  let masterKey = Buffer.from(options.masterKey);
  try {
    const client = await guarded(() => pool.connect());
    try {
      await guarded(() => prepareSchema(client, schema, masterKey, location));
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  const now = (): Date => options.clock?.() ?? new Date();
  const lookup = async (row: KeyRow): Promise<DataKeyLookup> => {
    if (row.wrapped === null) return 'forgotten';
    const key = unwrap(masterKey, row.wrapped, dataKeyContext(row.key_id, row.customer_id));
    if (key !== undefined) return { keyId: row.key_id, customerId: row.customer_id, key };
    throw new StoreConfigurationError(await unopenedReason(row.key_id));
  };
  // Another instance may have rotated the master key: say so rather than "altered".
  const unopenedReason = async (keyId: string): Promise<string> => {
    const { rows } = await guarded(() =>
      pool.query<{ value: Buffer }>("SELECT value FROM keystore_meta WHERE name = 'master_check'"),
    );
    const value = rows[0]?.value;
    if (value !== undefined && !checkValueOpens(masterKey, value))
      return `the master key of the key store ${location} was rotated by another process: restart with the new SALESBOOK_MASTER_KEY`;
    return `the data key ${keyId} does not open with the master key: the key store was altered`;
  };
  const keysOf = async (customerIds: readonly string[]): Promise<Map<string, DataKeyLookup>> => {
    const { rows } = await guarded(() =>
      pool.query<KeyRow>(`${SELECT_KEYS} WHERE customer_id = ANY($1::text[])`, [customerIds]),
    );
    return new Map(
      await Promise.all(
        rows.map(async (row): Promise<[string, DataKeyLookup]> => [row.customer_id, await lookup(row)]),
      ),
    );
  };
  const insertFirstKeys = async (customerIds: readonly string[]): Promise<void> => {
    const keyIds = customerIds.map(newKeyId);
    const wrapped = customerIds.map((customerId, index) =>
      wrap(masterKey, randomBytes(32), dataKeyContext(keyIds[index] ?? '', customerId)),
    );
    await guarded(() =>
      pool.query(
        'INSERT INTO data_keys (key_id, customer_id, wrapped, created_at) SELECT k, c, w, $4 FROM unnest($1::text[], $2::text[], $3::bytea[]) AS t(k, c, w) ON CONFLICT (customer_id) DO NOTHING',
        [keyIds, customerIds, wrapped, now()],
      ),
    );
  };

  return {
    location,
    reads: createPostgresReadLog(pool, guarded),
    async keysForWriting(customerIds) {
      const wanted = [...new Set(customerIds)];
      const found = await keysOf(wanted);
      const missing = wanted.filter((customerId) => !found.has(customerId));
      if (missing.length === 0) return found;
      // Committed before it is read back; a rival instance's key for the same customer wins the conflict and is read here.
      await insertFirstKeys(missing);
      for (const [customerId, key] of await keysOf(missing)) found.set(customerId, key);
      return found;
    },
    async keysForReading(keyIds) {
      const { rows } = await guarded(() =>
        pool.query<KeyRow>(`${SELECT_KEYS} WHERE key_id = ANY($1::text[])`, [[...new Set(keyIds)]]),
      );
      return new Map(
        await Promise.all(rows.map(async (row): Promise<[string, DataKeyLookup]> => [row.key_id, await lookup(row)])),
      );
    },
    async linkSubjects(links) {
      if (links.size === 0) return;
      await guarded(() =>
        pool.query(
          'INSERT INTO key_subjects (subject, customer_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (subject) DO NOTHING',
          [[...links.keys()], [...links.values()]],
        ),
      );
    },
    async ownersOf(subjects) {
      const { rows } = await guarded(() =>
        pool.query<{ subject: string; customer_id: string }>(
          'SELECT subject, customer_id FROM key_subjects WHERE subject = ANY($1::text[])',
          [subjects],
        ),
      );
      return new Map(rows.map((row) => [row.subject, row.customer_id]));
    },
    async forget(customerId) {
      const at = now();
      // A customer never seen gets a tombstone, so a later first key is refused; otherwise the wrapped key is destroyed.
      const inserted = await guarded(() =>
        pool.query(
          'INSERT INTO data_keys (key_id, customer_id, wrapped, created_at, forgotten_at) VALUES ($1, $2, NULL, $3, $3) ON CONFLICT (customer_id) DO NOTHING',
          [newKeyId(), customerId, at],
        ),
      );
      if (inserted.rowCount === 1) return { customerId, destroyed: false };
      const destroyed = await guarded(() =>
        pool.query(
          'UPDATE data_keys SET wrapped = NULL, forgotten_at = $2 WHERE customer_id = $1 AND wrapped IS NOT NULL',
          [customerId, at],
        ),
      );
      return { customerId, destroyed: destroyed.rowCount === 1 };
    },
    async rotateMasterKey(newMasterKey) {
      if (newMasterKey.length !== 32) throw new StoreConfigurationError('the new master key must be 32 bytes');
      const next = Buffer.from(newMasterKey);
      const rewrapped = await guarded(() => rotate(pool, masterKey, next, location));
      masterKey.fill(0);
      masterKey = next;
      return {
        rewrapped,
        warning:
          'other instances keep the old master key until they restart with the new SALESBOOK_MASTER_KEY; until then they cannot open or seal personal data',
      };
    },
    async close() {
      await pool.end();
      masterKey.fill(0);
    },
  };
}

/** Re-wraps every live key with `next` in one transaction that holds the master check row locked. */
async function rotate(pool: pg.Pool, current: Buffer, next: Buffer, location: string): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const check = await client.query<{ value: Buffer }>(
      "SELECT value FROM keystore_meta WHERE name = 'master_check' FOR UPDATE",
    );
    const value = check.rows[0]?.value;
    if (value === undefined || !checkValueOpens(current, value))
      throw new StoreConfigurationError(`the master key of the key store ${location} was rotated by another process`);
    const { rows } = await client.query<KeyRow>(`${SELECT_KEYS} WHERE wrapped IS NOT NULL FOR UPDATE`);
    const ids: string[] = [];
    const wrapped: Buffer[] = [];
    for (const row of rows) {
      const key =
        row.wrapped === null ? undefined : unwrap(current, row.wrapped, dataKeyContext(row.key_id, row.customer_id));
      if (key === undefined)
        throw new StoreConfigurationError(
          `the data key ${row.key_id} does not open with the master key: the key store was altered`,
        );
      ids.push(row.key_id);
      wrapped.push(wrap(next, key, dataKeyContext(row.key_id, row.customer_id)));
    }
    await client.query(
      'UPDATE data_keys SET wrapped = t.w FROM unnest($1::text[], $2::bytea[]) AS t(k, w) WHERE key_id = t.k',
      [ids, wrapped],
    );
    await client.query("UPDATE keystore_meta SET value = $1 WHERE name = 'master_check'", [masterCheckValue(next)]);
    await client.query('COMMIT');
    return rows.length;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
