import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { postgresBin, startTestPostgres, type TestPostgres } from '@salesbook/keystore/testing';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from '../cli/cli-harness.js';
import { GONE, KEPT, legacyDir, seeded, valuesOf } from './cli-fixtures.js';
import { everyFile, filesHolding } from './fixtures.js';

// The `salesbook` binary with its key store on PostgreSQL (SALESBOOK_KEYSTORE=postgres://...), as an operator on
// one of several hosts runs it: a real server from Debian's package (startTestPostgres), the event log a SQLite file.
// Import seals with keys kept in PostgreSQL, unmasked reads are logged there, forget destroys the key there, and
// rotation re-wraps them there; no key file is made beside the data.

let pg: TestPostgres;
const cleanup: (() => void)[] = [];
beforeAll(async () => {
  ensureCliBuilt();
  pg = await startTestPostgres();
}, 180_000);
afterAll(() => pg?.dispose());
afterEach(() => cleanup.splice(0).forEach((dispose) => dispose()));

/** A workspace whose key store is its own database on the shared server (one per test, so tests do not meet). */
async function setUp(): Promise<{ ws: Workspace; legacy: string; env: Record<string, string> }> {
  const ws = workspace();
  const legacy = legacyDir();
  cleanup.push(
    () => ws.dispose(),
    () => rmSync(legacy, { recursive: true, force: true }),
  );
  const database = `keys_${randomBytes(4).toString('hex')}`;
  expect(sql(`CREATE DATABASE ${database}`)).toBe('');
  return { ws, legacy, env: { ...ws.env, SALESBOOK_KEYSTORE: pg.url.replace(/\/postgres$/, `/${database}`) } };
}

/** The rows (one column) a query gives in the workspace's key store database. */
const query = (env: Record<string, string>, statement: string): string[] =>
  spawnSync(join(postgresBin(), 'psql'), [env['SALESBOOK_KEYSTORE'] ?? '', '-At', '-c', statement], {
    encoding: 'utf8',
  })
    .stdout.split('\n')
    .filter((line) => line !== '');

/** Runs one SQL statement as the server's superuser through psql; what it printed to stderr. */
const sql = (statement: string): string =>
  spawnSync(join(postgresBin(), 'psql'), [pg.url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', statement], { encoding: 'utf8' })
    .stderr;

describe('salesbook with the PostgreSQL key store', () => {
  it('imports sealed, reads unmasked with the read logged, forgets and rotates, all in PostgreSQL', async () => {
    const { ws, legacy, env } = await setUp();
    const seeding = await seeded({ ...ws, env }, legacy);
    expect(seeding.importEvents).toContain('10 events held personal data in clear: sealed');
    for (const value of valuesOf(GONE))
      expect({ value, files: filesHolding(ws.dir, value) }).toEqual({ value, files: [] });
    expect(
      everyFile(ws.dir)
        .map(([name]) => name)
        .filter((name) => /keys\.db|master\.key/.test(name)),
    ).toEqual([]);

    expect(query(env, 'SELECT customer_id FROM data_keys WHERE wrapped IS NOT NULL ORDER BY 1')).toEqual([
      GONE.id,
      KEPT.id,
    ]);

    const unmasked = await salesbook(['history', 'customer-cust-gone', '--unmask', '--reader', 'mgr-1', '--json'], env);
    expect(unmasked.code).toBe(0);
    expect(unmasked.stdout).toContain(GONE.email);
    const reads = await salesbook(['personal-data-reads', '--customer', GONE.id, '--json'], env);
    expect(reads.code).toBe(0);
    expect(JSON.parse(reads.stdout).reads).toEqual([
      expect.objectContaining({ actorId: 'mgr-1', customerIds: [GONE.id], streams: ['customer-cust-gone'] }),
    ]);

    const forgot = await salesbook(
      ['forget', GONE.id, '--reason', 'data subject request DSR-2026-44', '--operator', 'dpo-1'],
      env,
    );
    expect(forgot.stderr).toBe('');
    expect(forgot.code).toBe(0);
    expect(query(env, 'SELECT customer_id FROM data_keys WHERE wrapped IS NOT NULL ORDER BY 1')).toEqual([KEPT.id]);
    const erased = JSON.parse(
      (await salesbook(['history', 'customer-cust-gone', '--unmask', '--reader', 'mgr-1', '--json'], env)).stdout,
    );
    expect(erased.events[0].data.contact).toEqual({ name: '[erased]', phone: '[erased]', email: '[erased]' });

    const next = randomBytes(32).toString('base64');
    const rotated = await salesbook(['rotate-master-key'], { ...env, SALESBOOK_NEW_MASTER_KEY: next });
    expect(rotated.code).toBe(0);
    const withNew = await salesbook(['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1', '--json'], {
      ...env,
      SALESBOOK_MASTER_KEY: next,
    });
    expect(withNew.stdout).toContain(KEPT.email);
    const withOld = await salesbook(['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1', '--json'], env);
    expect(withOld.code).toBe(1);
    expect(withOld.stdout).not.toContain(KEPT.email);
  }, 180_000);

  it('stops with one line, the password not in it, when the PostgreSQL key store cannot be reached', async () => {
    const { env } = await setUp();
    const run = await salesbook(['personal-data-reads'], {
      ...env,
      SALESBOOK_KEYSTORE: 'postgres://salesbook:s3cret@127.0.0.1:1/nothing',
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toContain('s3cret');
  }, 60_000);
});
