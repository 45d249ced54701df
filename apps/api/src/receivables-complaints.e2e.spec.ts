import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi, ORDERS_PLACED_AT } from './testing/test-app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'));
});
afterAll(() => api.close());

async function post(path: string, body: unknown, who = people.rep) {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { streamName: string; revision: number; position: string; events: string[] };
}

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 3_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const history = (stream: string) => api.call('GET', `/audit/streams/${stream}/events`, { actor: people.auditor });

describe('the order -> receivable policy', () => {
  it('opens the receivable of a delivered net-terms order once, from the store subscription', async () => {
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-1', 'c-1')));
    await post('/orders/o-1/confirmation', {});
    await post('/orders/o-1/shipments', {
      shipmentId: 'sh-1',
      shippedOn: '2026-02-10',
      lines: [
        { lineId: 'l1', quantity: 10 },
        { lineId: 'l2', quantity: 5 },
      ],
    });
    await post('/orders/o-1/delivery', { deliveredOn: '2026-02-12' });
    const opened = await eventually(async () =>
      (await history('receivable-o-1')).status === 200 ? (await history('receivable-o-1')).body : undefined,
    );
    expect(opened.events.map((event: { type: string }) => event.type)).toEqual(['ReceivableOpened']);
    expect(opened.events[0].data).toMatchObject({
      orderId: 'o-1',
      amount: 19_500,
      currency: 'CNY',
      dueDate: '2026-03-14',
    });
    expect(opened.events[0].metadata).toMatchObject({
      commandId: 'order-to-receivable-o-1',
      actor: { role: 'system' },
    });
  });
});

describe('receivable routes', () => {
  it('records, reverses and credits payments, follows up, disputes and resolves', async () => {
    await eventually(async () => ((await history('receivable-o-1')).status === 200 ? true : undefined));
    expect(
      (
        await post(
          '/receivables/o-1/payments',
          { paymentId: 'p-1', amount: { amount: 5_000, currency: 'CNY' }, receivedOn: '2026-02-20', method: 'check' },
          people.finance,
        )
      ).events,
    ).toContain('PaymentReceived');
    await post('/receivables/o-1/payment-reversals', { paymentId: 'p-1', reason: 'bounced' }, people.finance);
    await post(
      '/receivables/o-1/follow-ups',
      {
        channel: 'phone',
        note: 'called the buyer',
        promiseToPay: { date: '2026-03-05', amount: { amount: 5_000, currency: 'CNY' } },
      },
      people.rep,
    );
    await post('/receivables/o-1/dispute', { reason: 'one gadget was damaged' }, people.rep);
    await post('/receivables/o-1/dispute-resolution', { resolution: 'credit one gadget' }, people.finance);
    await post(
      '/receivables/o-1/credit-notes',
      { creditNoteId: 'cn-1', amount: { amount: 1_900, currency: 'CNY' }, reason: 'damaged gadget' },
      people.finance,
    );
  });

  it('opens a receivable by hand and writes it off with two different people', async () => {
    const opened = await post(
      '/receivables',
      {
        receivableId: 'r-2',
        orderId: 'o-x',
        customerId: 'c-1',
        repId: 'rep-1',
        region: 'east',
        amount: { amount: 1_000, currency: 'CNY' },
        issueDate: '2026-01-01',
        dueDate: '2026-02-28',
      },
      people.finance,
    );
    expect(opened.streamName).toBe('receivable-r-2');
    await post('/receivables/r-2/write-off-request', { reason: 'customer insolvent' }, people.finance);
    expect((await post('/receivables/r-2/write-off-approval', {}, people.manager)).events.length).toBeGreaterThan(0);
  });
});

describe('complaint and target routes', () => {
  it('takes a complaint from filing to closing and reopening', async () => {
    const handler = people.otherRep;
    await post('/complaints', {
      complaintId: 'k-1',
      customerId: 'c-1',
      orderId: 'o-1',
      channel: 'phone',
      category: 'delivery',
      severity: 'high',
      description: 'late and dented',
    });
    await post('/complaints/k-1/assignment', { handlerId: 'rep-2' }, people.eastManager);
    await post('/complaints/k-1/acknowledgement', {}, handler);
    await post('/complaints/k-1/investigation', { rootCause: 'delivery_delay', findings: 'carrier delay' }, handler);
    await post('/complaints/k-1/awaiting-customer', { note: 'asked for photos' }, handler);
    await post('/complaints/k-1/customer-response', { note: 'photos received' }, handler);
    await post('/complaints/k-1/escalation', { escalateTo: 'rm-east', reason: 'repeat issue' }, handler);
    await post('/complaints/k-1/resolution', { resolution: 'replaced the dented items' }, people.eastManager);
    await post('/complaints/k-1/closure', { satisfaction: 4 }, people.eastManager);
    expect(
      (await post('/complaints/k-1/reopening', { reason: 'dented again' }, people.eastManager)).events.length,
    ).toBe(1);
  });

  it('sets and revises a target', async () => {
    const set = await post(
      '/targets',
      { month: '2026-03', scope: 'region', scopeId: 'east', amount: 1_000_000, currency: 'CNY' },
      people.eastManager,
    );
    expect(set.streamName).toBe('target-2026-03-region-east');
    await post(
      '/targets/revisions',
      { month: '2026-03', scope: 'region', scopeId: 'east', amount: 1_200_000, reason: 'new key account' },
      people.manager,
    );
  });
});
