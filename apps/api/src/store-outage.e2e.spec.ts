import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
// The wire-level EventStoreDB double of the test workspace, stopped and started again on the same port and log.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEsdbDouble, type EsdbDouble } from '../../../test/support/esdb-double/index.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

let double: EsdbDouble;
let dir: string;
let api: TestApi;
const DAILY = '/reports/sales/daily?date=2026-03-01&groupBy=rep';

beforeAll(async () => {
  double = await startEsdbDouble();
  dir = mkdtempSync(join(tmpdir(), 'salesbook-outage-'));
  // Fast retries and a short down bound, so the test sees both within seconds.
  api = await startTestApi({ SALESBOOK_READMODELS: join(dir, 'readmodels.db'), SALESBOOK_MAX_DOWN_MS: '1500' }, undefined, {
    store: createEsdbEventStore({ connectionString: double.connectionString }),
  });
});
afterAll(async () => {
  await api.close();
  await double.stop();
  rmSync(dir, { recursive: true, force: true });
});

const post = async (path: string, body: unknown): Promise<{ position: string }> => {
  const response = await api.call('POST', path, { actor: people.rep, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { position: string };
};
const until = async (what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
};
const status = async (path: string): Promise<number> => (await api.call('GET', path, { actor: people.manager })).status;
const receivables = (): string[] => double.log.all.filter((event) => event.type === 'ReceivableOpened').map((event) => event.streamName);
const ordersCounted = async (): Promise<number> => {
  const report = await api.call('GET', DAILY, { actor: people.manager });
  return (report.body.rows as { orders_confirmed: number }[]).reduce((sum, row) => sum + row.orders_confirmed, 0);
};

it('resubscribes every projection and the policy after the store goes away and comes back, counting nothing twice', async () => {
  await post('/customers', customerBody('c-1'));
  await post('/orders', orderBody('o-0', 'c-1', { paymentTerms: { kind: 'advance' } }));
  await post('/orders/o-0/confirmation', {});
  await until('the first receivable is open and every read model is live', async () => receivables().length === 1 && (await status('/ready')) === 200);
  expect(await ordersCounted()).toBe(1);

  await double.stop();
  await until('/ready says why it is not ready', async () => {
    const ready = await api.call('GET', '/ready', { actor: people.manager });
    return ready.status === 503 && JSON.stringify(ready.body).includes('resubscribing');
  });
  const during = await api.call('GET', DAILY, { actor: people.manager });
  expect(during.status).toBe(200);
  expect(during.body.stale).toBe(true);
  expect(during.body.lag).toBeGreaterThan(0);
  await until('/health fails past SALESBOOK_MAX_DOWN_MS', async () => (await status('/health')) === 503);

  double = await startEsdbDouble({ log: double.log, port: double.port });
  // Commands go through as soon as the store is back, before the subscriptions' next attempt.
  for (let n = 1; n <= 3; n += 1) {
    await post('/orders', orderBody(`o-${n}`, 'c-1', { paymentTerms: { kind: 'advance' } }));
    await post(`/orders/o-${n}/confirmation`, {});
  }
  await until('every subscription is back and caught up', async () => (await status('/ready')) === 200 && (await status('/health')) === 200, 60_000);
  await until('the policy opened the new receivables', async () => receivables().length === 4);
  const after = await api.call('GET', DAILY, { actor: people.manager });
  expect(after.body.stale).toBe(false);
  expect(await ordersCounted()).toBe(4);
  expect(receivables().sort()).toEqual(['receivable-o-0', 'receivable-o-1', 'receivable-o-2', 'receivable-o-3']);
}, 120_000);
