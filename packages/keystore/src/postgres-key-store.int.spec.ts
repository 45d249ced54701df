import { randomBytes } from 'node:crypto';
import { StoreUnavailableError } from '@salesbook/eventstore';
import pg from 'pg';
import { createPostgresKeyStore, redactedUrl } from './postgres-key-store.js';
import { describeKeyStoreContract } from './testing/key-store-contract.js';
import { startTestPostgres, type TestPostgres } from './testing/postgres-server.js';

let server: TestPostgres;
let schemas = 0;
beforeAll(async () => {
  server = await startTestPostgres();
}, 60_000);
afterAll(async () => server.dispose());

// Each test has a schema of its own on the one server: an empty key store, as a fresh database would be.
describeKeyStoreContract('postgres', async () => {
  const schema = `contract_${(schemas += 1)}`;
  return {
    open: (masterKey) => createPostgresKeyStore({ url: server.url, masterKey, schema }),
    dispose: async () => undefined,
  };
});

describe('the PostgreSQL key store', () => {
  const master = randomBytes(32);

  it('has committed a first key when it hands it out: another connection reads the row at once', async () => {
    const keys = await createPostgresKeyStore({ url: server.url, masterKey: master, schema: 'durable' });
    const key = (await keys.keysForWriting(['c-1'])).get('c-1');
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    const { rows } = await client.query<{ key_id: string }>(
      'SELECT key_id FROM durable.data_keys WHERE customer_id = $1',
      ['c-1'],
    );
    await client.end();
    expect(key).toMatchObject({ keyId: rows[0]?.key_id });
    await keys.close();
  });

  it('reports the server gone as StoreUnavailableError and works again once it is back, keys unchanged', async () => {
    const keys = await createPostgresKeyStore({
      url: server.url,
      masterKey: master,
      schema: 'outage',
      connectTimeoutMs: 1000,
    });
    const key = (await keys.keysForWriting(['c-1'])).get('c-1');
    await server.stop();
    try {
      await expect(keys.keysForWriting(['c-1'])).rejects.toThrow(StoreUnavailableError);
      await expect(keys.forget('c-2')).rejects.toThrow(StoreUnavailableError);
    } finally {
      await server.start();
    }
    expect((await keys.keysForWriting(['c-1'])).get('c-1')).toEqual(key);
    await keys.close();
  }, 60_000);

  it('keeps the password out of its location and refuses a schema name that is not a plain SQL name', async () => {
    expect(redactedUrl('postgres://keys:s3cret@db:5432/sales')).toBe('postgres://keys:***@db:5432/sales');
    await expect(
      createPostgresKeyStore({ url: server.url, masterKey: master, schema: 'x; DROP TABLE data_keys' }),
    ).rejects.toThrow(/lower-case SQL name/);
  });
});
