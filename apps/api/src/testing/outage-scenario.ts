import { customerBody, orderBody, people } from './fixtures.js';
import type { TestApi } from './test-app.js';

/** How a test takes its store away and brings it back, and reads what the policy wrote. */
export interface Outage {
  stop(): Promise<void>;
  restart(): Promise<void>;
  /** The names of the receivable streams in the store (the policy opens one per confirmed order). */
  receivables(): Promise<string[]>;
}

const DAILY = '/reports/sales/daily?date=2026-03-01&groupBy=rep';

const until = async (what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
};

/**
 * One store outage against a running API (started with a short `SALESBOOK_MAX_DOWN_MS`): while the store is away,
 * `/ready` says why, reports say they are stale and `/health` fails past the bound; once it is back, commands go
 * through, every subscription resubscribes by itself and the read models and the policy count each fact once.
 */
export async function expectRecoveryFromOutage(api: TestApi, outage: Outage): Promise<void> {
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await api.call('POST', path, { actor: people.rep, body });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  const status = async (path: string): Promise<number> =>
    (await api.call('GET', path, { actor: people.manager })).status;
  const ordersCounted = async (): Promise<number> => {
    const report = await api.call('GET', DAILY, { actor: people.manager });
    return (report.body.rows as { orders_confirmed: number }[]).reduce((sum, row) => sum + row.orders_confirmed, 0);
  };

  await post('/customers', customerBody('c-1'));
  await post('/orders', orderBody('o-0', 'c-1', { paymentTerms: { kind: 'advance' } }));
  await post('/orders/o-0/confirmation', {});
  await until(
    'the first receivable is open and every read model is live',
    async () => (await outage.receivables()).length === 1 && (await status('/ready')) === 200,
  );
  expect(await ordersCounted()).toBe(1);

  await outage.stop();
  await until('/ready says why it is not ready', async () => {
    const ready = await api.call('GET', '/ready', { actor: people.manager });
    return ready.status === 503 && JSON.stringify(ready.body).includes('resubscribing');
  });
  const during = await api.call('GET', DAILY, { actor: people.manager });
  expect(during.status).toBe(200);
  expect(during.body.stale).toBe(true);
  expect(during.body.lag).toBeGreaterThan(0);
  await until('/health fails past SALESBOOK_MAX_DOWN_MS', async () => (await status('/health')) === 503);

  await outage.restart();
  // Commands go through as soon as the store is back, before the subscriptions' next attempt.
  for (let n = 1; n <= 3; n += 1) {
    await post('/orders', orderBody(`o-${n}`, 'c-1', { paymentTerms: { kind: 'advance' } }));
    await post(`/orders/o-${n}/confirmation`, {});
  }
  await until(
    'every subscription is back and caught up',
    async () => (await status('/ready')) === 200 && (await status('/health')) === 200,
    60_000,
  );
  await until('the policy opened the new receivables', async () => (await outage.receivables()).length === 4);
  const after = await api.call('GET', DAILY, { actor: people.manager });
  expect(after.body.stale).toBe(false);
  expect(await ordersCounted()).toBe(4);
  expect((await outage.receivables()).sort()).toEqual([
    'receivable-o-0',
    'receivable-o-1',
    'receivable-o-2',
    'receivable-o-3',
  ]);
}
