import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
// The wire-level EventStoreDB double of the test workspace (gRPC like a real server, one log for every client);
// that workspace is a test suite, not a library with an entry point, hence the relative import.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEsdbDouble, type EsdbDouble } from '../../../test/support/esdb-double/index.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

const ORDERS = 6;
let double: EsdbDouble;
let dir: string;
let instances: TestApi[] = [];

/** One API instance: its own store client on the shared EventStoreDB, its own read-model file, and the shared key store file. */
const instance = (name: string) =>
  startTestApi(
    { SALESBOOK_READMODELS: join(dir, `${name}-readmodels.db`), SALESBOOK_KEYSTORE: join(dir, 'keys.db') },
    undefined,
    { store: createEsdbEventStore({ connectionString: double.connectionString }) },
  );

beforeAll(async () => {
  double = await startEsdbDouble();
  dir = mkdtempSync(join(tmpdir(), 'salesbook-scale-out-'));
  instances = [await instance('a'), await instance('b')];
});
afterAll(async () => {
  for (const api of instances) await api.close();
  await double.stop();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (api: TestApi, path: string, body: unknown) => {
  const response = await api.call('POST', path, { actor: people.rep, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { position: string };
};

const receivablesOpened = async (api: TestApi): Promise<string[]> => {
  const opened: string[] = [];
  for (let after: bigint | undefined; ;) {
    const page = await api.store.readAll({ ...(after === undefined ? {} : { after }), maxCount: 500 });
    opened.push(...page.filter((event) => event.type === 'ReceivableOpened').map((event) => event.streamName));
    const last = page.at(-1);
    if (last === undefined) return opened;
    after = last.position;
  }
};

it('two instances on one EventStoreDB keep their own read-model replicas, answer the same reports, and the policy appends each receivable once', async () => {
  const [a, b] = instances;
  if (a === undefined || b === undefined) throw new Error('two instances expected');
  await post(a, '/customers', customerBody('c-1'));
  let last = '0';
  // Orders written through either instance, paid in advance: each confirmation asks both instances' policies for a receivable.
  for (let n = 0; n < ORDERS; n += 1) {
    const api = n % 2 === 0 ? a : b;
    await post(api, '/orders', orderBody(`o-${n}`, 'c-1', { paymentTerms: { kind: 'advance' } }));
    last = (await post(api, `/orders/o-${n}/confirmation`, {})).position;
  }

  const deadline = Date.now() + 10_000;
  while ((await receivablesOpened(a)).length < ORDERS && Date.now() < deadline)
    await new Promise((wait) => setTimeout(wait, 100));
  await new Promise((wait) => setTimeout(wait, 500));
  const opened = await receivablesOpened(a);
  expect(opened.sort()).toEqual(Array.from({ length: ORDERS }, (_, n) => `receivable-o-${n}`).sort());
  expect(await receivablesOpened(b)).toHaveLength(ORDERS);

  const head = String(await a.store.headPosition());
  for (const path of [
    '/reports/sales/daily?date=2026-03-01&groupBy=rep',
    '/reports/collections/aging?asOf=2026-03-01&groupBy=rep',
  ]) {
    const [fromA, fromB] = await Promise.all(
      [a, b].map((api) => api.call('GET', path, { actor: people.manager, headers: { 'x-min-position': head } })),
    );
    expect([fromA?.status, fromB?.status]).toEqual([200, 200]);
    expect([fromA?.body.stale, fromB?.body.stale]).toEqual([false, false]);
    expect(fromA?.body.rows).toEqual(fromB?.body.rows);
    expect(fromA?.body.rows.length).toBeGreaterThan(0);
  }
  expect(BigInt(head)).toBeGreaterThan(BigInt(last));
}, 60_000);
