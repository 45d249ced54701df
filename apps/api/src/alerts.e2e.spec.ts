import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, TEST_NOW, type TestApi } from './testing/test-app.js';

// At TEST_NOW (1 March 2026 08:00Z) rep-1 (east) places o-1 with a 15% discount (needs a manager) and files k-1
// (high: acknowledge within 4h); rep-3 (west) gets o-2 within the limit. The clock then moves to 2 March 09:00Z.
let api: TestApi;
let now = new Date(TEST_NOW);
let last: string;

async function post(path: string, body: unknown, who = people.rep): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position;
}

beforeAll(async () => {
  api = await startTestApi({ SALESBOOK_ALERT_WARNING_HOURS: '2' }, () => now);
  await post('/customers', customerBody('c-1'));
  await post('/customers', { ...customerBody('c-2'), region: 'west', ownerRepId: 'rep-3' }, people.manager);
  const discounted = orderBody('o-1', 'c-1').lines.map((line) =>
    line.lineId === 'l2' ? { ...line, discountBp: 1_500 } : line,
  );
  await post('/orders', orderBody('o-1', 'c-1', { lines: discounted, promisedDeliveryDate: '2026-03-20' }));
  await post(
    '/orders',
    orderBody('o-2', 'c-2', { repId: 'rep-3', promisedDeliveryDate: '2026-03-20' }),
    people.manager,
  );
  await post('/complaints', {
    complaintId: 'k-1',
    customerId: 'c-1',
    orderId: 'o-1',
    channel: 'phone',
    category: 'delivery',
    severity: 'high',
    description: 'late',
  });
  now = new Date('2026-03-02T09:00:00.000Z');
});
afterAll(() => api.close());

const get = (path: string, who = people.manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last } });
const east = { rep_id: 'rep-1', region: 'east' };
const acknowledge = {
  id: 'sla_acknowledge_due:k-1',
  kind: 'sla_acknowledge_due',
  fires_at: '2026-03-01T10:00:00.000Z',
  subject: 'complaint',
  subject_id: 'k-1',
  ...east,
  handler_id: null,
  detail: 'acknowledge',
};
const approval = {
  id: 'approval_waiting:order:o-1:2026-03-01T08:00:00.000Z',
  kind: 'approval_waiting',
  fires_at: '2026-03-02T08:00:00.000Z',
  subject: 'order',
  subject_id: 'o-1',
  ...east,
  handler_id: null,
  detail: 'discount',
};

describe('GET /alerts', () => {
  it('gives the alerts of the last 24 hours by default: an acknowledgement 2h before its 4h target, an approval waiting a day', async () => {
    const response = await get('/alerts');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      since: '2026-03-01T09:00:00.000Z',
      until: '2026-03-02T09:00:00.000Z',
      stale: false,
    });
    expect(response.body.rows).toEqual([acknowledge, approval]);
  });

  it('gives what fired after since', async () => {
    expect((await get('/alerts?since=2026-03-01T10:00:00.000Z')).body.rows).toEqual([approval]);
    expect((await get('/alerts?since=2026-03-02T08:00:00.000Z')).body.rows).toEqual([]);
  });

  it('scopes each role: a rep their own, a regional manager their region', async () => {
    expect((await get('/alerts', people.eastManager)).body.rows).toEqual([acknowledge, approval]);
    expect((await get('/alerts', actor('rm-west', 'regional_manager', 'west'))).body.rows).toEqual([]);
    expect((await get('/alerts', people.rep)).body.rows).toEqual([acknowledge, approval]);
    expect((await get('/alerts', people.otherRep)).body.rows).toEqual([]);
    expect((await get('/alerts', actor('rep-3', 'sales_rep', 'west'))).body.rows).toEqual([]);
  });

  it('is for the sales roles only', async () => {
    for (const who of [people.analyst, people.finance, people.auditor])
      expect((await get('/alerts', who)).status).toBe(403);
  });

  it('refuses a since that is not an instant or more than 31 days back with 400', async () => {
    for (const since of ['yesterday', '2026-03-01', '2026-01-01T00:00:00.000Z']) {
      const response = await get(`/alerts?since=${since}`);
      expect(response.status).toBe(400);
      expect(response.body.issues[0]).toMatchObject({ in: 'query', path: ['since'] });
    }
  });

  it('delivers no webhook without SALESBOOK_WEBHOOK_KEY, and says so', async () => {
    const status = await get('/projections/status');
    expect(status.body.webhooks).toEqual({
      enabled: false,
      reason: 'SALESBOOK_WEBHOOK_KEY is not set: nothing is delivered',
    });
    await api.call('POST', '/webhooks/subscriptions', {
      actor: people.manager,
      body: { subscriptionId: 'ops', url: 'https://hooks.example.com/', kinds: ['order_late'] },
    });
    const secret = await get('/webhooks/subscriptions/ops/secret');
    expect([secret.status, secret.body.code]).toEqual([409, 'WEBHOOKS_DISABLED']);
  });
});
