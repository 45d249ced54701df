import type { ProjectionHost } from '@salesbook/projections';
import { PROJECTION_RUNNER } from '../infrastructure/tokens.js';
import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const advance = (orderId: string) => orderBody(orderId, 'c-1', { paymentTerms: { kind: 'advance' } });
const place = (orderId: string) => api.call('POST', '/orders', { actor: people.rep, body: advance(orderId) });
// The credit check is the confirmation's (placing only records the order).
const confirm = (orderId: string) =>
  api.call('POST', `/orders/${orderId}/confirmation`, { actor: people.rep, body: {} });

/** Waits until the policy has opened `receivable-<orderId>` and the collections read models hold it. */
async function receivableProjected(orderId: string): Promise<void> {
  for (let tries = 0; !(await api.store.streamExists(`receivable-${orderId}`)); tries += 1) {
    if (tries > 100) throw new Error(`receivable-${orderId} was never opened`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
  await settled();
}
async function settled(): Promise<void> {
  const runner = api.app.get<symbol, ProjectionHost>(PROJECTION_RUNNER);
  const head = await api.store.headPosition();
  if (head !== undefined) for (const name of ['collections', 'receivables_kpi']) await runner.whenAt(name, head);
}

it("counts the customer's outstanding receivables against the credit limit, and frees it as they are paid", async () => {
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
  // Each order books 10 x 1,000 + (5 x 2,000 - 5%) = 19,500; the limit holds one, not two.
  await api.call('POST', '/customers/c-1/credit-limit', {
    actor: people.manager,
    body: { creditLimit: { amount: 30_000, currency: 'CNY' } },
  });
  expect((await place('o-1')).status).toBe(201);
  expect((await confirm('o-1')).status).toBe(201);
  await receivableProjected('o-1');

  expect((await place('o-2')).status).toBe(201);
  const refused = await confirm('o-2');
  expect([refused.status, refused.body.code]).toEqual([409, 'ORDER_CREDIT_LIMIT_EXCEEDED']);
  expect(refused.body.details).toMatchObject({ openReceivables: 19_500 });

  const paid = await api.call('POST', '/receivables/o-1/payments', {
    actor: people.finance,
    body: { paymentId: 'p-1', amount: { amount: 19_500, currency: 'CNY' }, receivedOn: '2026-03-01', method: 'check' },
  });
  expect(paid.status).toBe(201);
  await settled();
  expect((await confirm('o-2')).status).toBe(201);
});
