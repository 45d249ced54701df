import { createMemoryEventStore, StoreUnavailableError, type EventStore } from '@salesbook/eventstore';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi, ORDERS_PLACED_AT } from './testing/test-app.js';

// Fault injection over the real in-memory store: the first appends to one receivable's stream fail as
// "unavailable" (a locked SQLite file, an EventStoreDB leader election), everything else goes through.
const flaky = (inner: EventStore, streamName: string, failures: number): EventStore => {
  let left = failures;
  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property !== 'appendToStream') return Reflect.get(target, property, receiver) as unknown;
      return (async (name, events, options) => {
        if (name === streamName && left > 0) {
          left -= 1;
          throw new StoreUnavailableError(`injected: ${name} unavailable`);
        }
        return target.appendToStream(name, events, options);
      }) satisfies EventStore['appendToStream'];
    },
  });
};

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SALESBOOK_POLICY_RETRY_MS: '50' }, undefined, {
    store: flaky(createMemoryEventStore(), 'receivable-o-2', 3),
  });
  await post('/customers', customerBody('c-1'), people.rep);
});
afterAll(() => api.close());

async function post(path: string, body: unknown, who = people.rep) {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
}

interface Parked {
  position: string;
  streamName: string;
  type: string;
  reason: string;
  attempts: number;
}
interface PolicyStatus {
  name: string;
  position: string | null;
  head: string | null;
  lag: number;
  parked: Parked[];
}
const policyStatus = async (): Promise<PolicyStatus> => {
  const response = await api.call('GET', '/projections/status', { actor: people.manager });
  const [policy] = (response.body as { policies: PolicyStatus[] }).policies;
  if (policy === undefined) throw new Error('no policy in /projections/status');
  return policy;
};

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 5_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const deliver = async (orderId: string) => {
  await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody(orderId, 'c-1')));
  await post(`/orders/${orderId}/confirmation`, {});
  await post(`/orders/${orderId}/shipments`, {
    shipmentId: `sh-${orderId}`,
    shippedOn: '2026-02-10',
    lines: [
      { lineId: 'l1', quantity: 10 },
      { lineId: 'l2', quantity: 5 },
    ],
  });
  await post(`/orders/${orderId}/delivery`, { deliveredOn: '2026-02-12' });
};

describe('the order -> receivable policy parks what it cannot do', () => {
  it('parks a refusal, shows it in /projections/status with the policy lag, keeps retrying it, and goes on with later events', async () => {
    // Someone opened receivable o-1 by hand with other figures: the policy's own open is refused.
    await post(
      '/receivables',
      {
        receivableId: 'o-1',
        orderId: 'o-1',
        customerId: 'c-1',
        repId: 'rep-1',
        region: 'east',
        amount: { amount: 1, currency: 'CNY' },
        issueDate: '2026-01-01',
        dueDate: '2026-02-28',
      },
      people.finance,
    );
    await deliver('o-1');
    const parked = await eventually(async () =>
      (await policyStatus()).parked.find((event) => event.streamName === 'order-o-1' && event.attempts >= 2),
    );
    expect(parked).toMatchObject({ type: 'OrderDelivered', reason: expect.stringMatching(/^[A-Z_]+$/) });
    await post('/customers', customerBody('c-9'), people.rep);
    const status = await eventually(async () => {
      const current = await policyStatus();
      return current.lag === 0 && current.position === current.head ? current : undefined;
    });
    expect(status.parked.map((event) => event.streamName)).toEqual(['order-o-1']);
    const ready = await api.call('GET', '/ready');
    expect((ready.body as { details: Record<string, unknown> }).details['policies']).toMatchObject({
      status: 'up',
      'order-to-receivable': { lag: 0, parked: 1 },
    });
  });

  it('retries an event parked after a store failure until it goes through, then releases it; the receivable is opened once', async () => {
    await deliver('o-2');
    await eventually(async () =>
      (await policyStatus()).parked.some((event) => event.streamName === 'order-o-2') ? true : undefined,
    );
    await eventually(async () =>
      (await policyStatus()).parked.some((event) => event.streamName === 'order-o-2') ? undefined : true,
    );
    const history = await api.call('GET', '/audit/streams/receivable-o-2/events', { actor: people.auditor });
    expect((history.body as { events: { type: string }[] }).events.map((event) => event.type)).toEqual([
      'ReceivableOpened',
    ]);
  });
});
