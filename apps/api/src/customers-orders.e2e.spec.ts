import { customerBody, orderBody, orderLines, people } from './testing/fixtures.js';
import { startTestApi, type TestApi, ORDERS_PLACED_AT } from './testing/test-app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const post = async (path: string, body: unknown, who = people.rep) => {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { streamName: string; revision: number; position: string; events: string[] };
};

describe('customer routes', () => {
  it('runs every customer command and answers 201 with stream, revision, position and event types', async () => {
    const registered = await post('/customers', customerBody('c-1'));
    expect(registered).toEqual({
      streamName: 'customer-c-1',
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      events: ['CustomerRegistered'],
    });
    await post('/customers/c-1/profile', { size: 'small', businessScope: 'Hardware' });
    await post('/customers/c-1/contact', {
      contact: { name: 'Han Meimei', phone: '+8613900000000', email: 'han@example.cn' },
    });
    await post('/customers/c-1/credit-limit', { creditLimit: { amount: 10_000_000, currency: 'CNY' } }, people.manager);
    await post('/customers/c-1/surveys', {
      surveyId: 's-1',
      period: '2026-03',
      nps: 9,
      csat: 5,
      scores: { productQuality: 5, delivery: 4, service: 5, price: 3 },
    });
    await post('/customers/c-1/reassignment', { ownerRepId: 'rep-2' }, people.eastManager);
    await post('/customers/c-1/erasure', { reason: 'data subject request' }, people.manager);
    const last = await post('/customers/c-1/deactivation', { reason: 'closed business' }, people.manager);
    expect(last.revision).toBe(7);
    expect(BigInt(last.position)).toBeGreaterThan(BigInt(registered.position));
  });
});

describe('order routes', () => {
  beforeAll(async () => {
    await post('/customers', customerBody('c-2'));
  });

  it('places, confirms, amends, ships and delivers an order', async () => {
    expect((await post('/orders', orderBody('o-1', 'c-2'))).events).toEqual(['OrderPlaced']);
    expect((await post('/orders/o-1/confirmation', {})).events).toEqual(['OrderConfirmed']);
    const amended = await post('/orders/o-1/amendments', {
      lines: [{ ...orderLines[0], quantity: 12 }, orderLines[1]],
      reason: 'more widgets',
      customerConfirmationRef: 'mail-1',
    });
    expect(amended.events).toEqual(['OrderAmended']);
    await post('/orders/o-1/shipments', {
      shipmentId: 'sh-1',
      shippedOn: '2026-03-01',
      lines: [
        { lineId: 'l1', quantity: 12 },
        { lineId: 'l2', quantity: 5 },
      ],
    });
    expect((await post('/orders/o-1/delivery', { deliveredOn: '2026-03-02' })).events).toEqual(['OrderDelivered']);
  });

  it('sends a discount above the rep limit to approval, which a manager gives', async () => {
    const lines = [{ ...orderLines[0], discountBp: 2_000 }];
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-2', 'c-2', { lines })));
    const approved = await post('/orders/o-2/discount-approval', {}, people.manager);
    expect(approved.events.length).toBeGreaterThan(0);
    await post('/orders/o-2/confirmation', {});
  });

  it('cancels an unshipped order and short-closes a partly shipped one', async () => {
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-3', 'c-2')));
    expect((await post('/orders/o-3/cancellation', { reason: 'customer withdrew' })).events).toEqual([
      'OrderCancelled',
    ]);
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-4', 'c-2')));
    await post('/orders/o-4/confirmation', {});
    await post('/orders/o-4/shipments', {
      shipmentId: 'sh-1',
      shippedOn: '2026-03-01',
      lines: [{ lineId: 'l1', quantity: 4 }],
    });
    expect((await post('/orders/o-4/closure', { reason: 'rest discontinued' })).events).toEqual(['OrderClosed']);
  });

  it('refuses an order for an unknown customer: 404 to a sales manager, to a rep the answer of any customer not theirs', async () => {
    const response = await api.call('POST', '/orders', { actor: people.manager, body: orderBody('o-5', 'nobody') });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('ORDER_CUSTOMER_NOT_FOUND');
    // A rep cannot tell a customer that does not exist from one of a colleague (no enumeration of ids).
    const byRep = await api.call('POST', '/orders', { actor: people.rep, body: orderBody('o-5', 'nobody') });
    expect([byRep.status, byRep.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
  });

  it('checks the credit limit at confirmation from the customer stream', async () => {
    await post('/customers', customerBody('c-3'));
    await post('/customers/c-3/credit-limit', { creditLimit: { amount: 100, currency: 'CNY' } }, people.manager);
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-6', 'c-3')));
    const response = await api.call('POST', '/orders/o-6/confirmation', { actor: people.rep, body: {} });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('ORDER_CREDIT_LIMIT_EXCEEDED');
  });
});
