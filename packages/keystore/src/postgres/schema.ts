import { StoreConfigurationError } from '@salesbook/eventstore';
import type pg from 'pg';
import { checkValueOpens, masterCheckValue } from '../guards.js';

/**
 * The PostgreSQL twin of the SQLite schema: `data_keys` (one row per customer, `wrapped` NULL once forgotten,
 * the row kept as a tombstone), `key_subjects`, the read log `personal_data_reads` (customer ids in an array with a
 * GIN index) and `keystore_meta` (the master key check value).
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS keystore_meta (name TEXT PRIMARY KEY, value BYTEA NOT NULL);
CREATE TABLE IF NOT EXISTS data_keys (
  key_id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL UNIQUE,
  wrapped BYTEA,
  created_at TIMESTAMPTZ NOT NULL,
  forgotten_at TIMESTAMPTZ
);
CREATE TABLE IF NOT EXISTS key_subjects (subject TEXT PRIMARY KEY, customer_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS personal_data_reads (
  seq BIGSERIAL PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  role TEXT NOT NULL,
  purpose TEXT NOT NULL,
  customer_ids TEXT[] NOT NULL,
  streams TEXT[] NOT NULL
);
CREATE INDEX IF NOT EXISTS personal_data_reads_customers ON personal_data_reads USING GIN (customer_ids);
`;

// Every instance runs the schema at start; this transaction-scoped lock keeps two from racing on CREATE.
const SCHEMA_LOCK = 0x5a1e5b00c;

/** Creates the tables when missing and checks (or, on an empty store, records) that `masterKey` opens it. */
export async function prepareSchema(
  client: pg.ClientBase,
  schema: string,
  masterKey: Uint8Array,
  location: string,
): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(SCHEMA);
    const check = await client.query<{ value: Buffer }>("SELECT value FROM keystore_meta WHERE name = 'master_check'");
    const found = check.rows[0];
    if (found === undefined) {
      const keys = await client.query<{ n: string }>('SELECT count(*) AS n FROM data_keys');
      if (Number(keys.rows[0]?.n ?? 0) > 0)
        throw new StoreConfigurationError(
          `the key store ${location} holds keys but no master key check: it is damaged`,
        );
      await client.query("INSERT INTO keystore_meta (name, value) VALUES ('master_check', $1)", [
        masterCheckValue(masterKey),
      ]);
    } else if (!checkValueOpens(masterKey, found.value)) {
      throw new StoreConfigurationError(
        `SALESBOOK_MASTER_KEY does not open the key store ${location}: it was made (or last rotated) with another master key`,
      );
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
