import type Database from 'better-sqlite3';
import { querySupervision } from '@salesbook/projections';
import { READ_MODELS } from './infrastructure/tokens.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

// At TEST_NOW (1 March 2026 in Shanghai): rep-1 (east) places o-1 with a 15% discount (over a rep's 10%: needs
// approval) and files complaint k-1; rep-3 (west) gets o-2 within the limit. Both customers were registered today.
let api: TestApi;
let db: Database.Database;
let last: string;
const westRep = actor('rep-3', 'sales_rep', 'west');
const westManager = actor('rm-west', 'regional_manager', 'west');

async function post(path: string, body: unknown, who = people.rep): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position;
}

beforeAll(async () => {
  api = await startTestApi();
  db = api.app.get(READ_MODELS);
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
});
afterAll(() => api.close());

const get = (path: string, who = people.manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last } });
const none = {
  overdue_receivables: 0,
  overdue_followed_up: 0,
  overdue_follow_up_share: null,
  promises_due: 0,
  promises_kept: 0,
  promises_broken: 0,
  promise_kept_rate: null,
  deliveries: 0,
  deliveries_on_time: 0,
  on_time_delivery_rate: null,
};
// rep-1: 1 order placed, needing approval; 1 active customer reviewed at registration; k-1 filed, not yet acknowledged.
const rep1 = {
  key: 'rep-1',
  ...none,
  complaints: 1,
  acknowledged_within_sla: 0,
  acknowledged_within_sla_rate: 0,
  resolved_within_sla: 0,
  resolved_within_sla_rate: 0,
  active_customers: 1,
  profiles_reviewed: 1,
  profiles_reviewed_rate: 1,
  orders_placed: 1,
  orders_needing_approval: 1,
  approval_share: 1,
};
const rep3 = {
  key: 'rep-3',
  ...none,
  complaints: 0,
  acknowledged_within_sla: 0,
  acknowledged_within_sla_rate: null,
  resolved_within_sla: 0,
  resolved_within_sla_rate: null,
  active_customers: 1,
  profiles_reviewed: 1,
  profiles_reviewed_rate: 1,
  orders_placed: 1,
  orders_needing_approval: 0,
  approval_share: 0,
};

describe('GET /reports/supervision', () => {
  it('gives a sales manager every rep, as querySupervision computes on the same read models, measured up to today', async () => {
    const response = await get('/reports/supervision?month=2026-03');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ month: '2026-03', groupBy: 'rep', asOf: '2026-03-01', stale: false });
    expect(response.body.rows).toEqual([rep1, rep3]);
    const direct = querySupervision(db, () => 0, {
      month: '2026-03',
      asOf: '2026-03-01',
      asOfInstant: '2026-03-01T08:00:00.000Z',
      groupBy: 'rep',
    });
    expect(response.body.rows).toEqual(direct.rows);
  });

  it('groups by region', async () => {
    const response = await get('/reports/supervision?month=2026-03&groupBy=region');
    expect(response.body.rows).toEqual([
      { ...rep1, key: 'east' },
      { ...rep3, key: 'west' },
    ]);
  });

  it('scopes a regional manager to their region and a rep to themselves', async () => {
    expect((await get('/reports/supervision?month=2026-03', people.eastManager)).body.rows).toEqual([rep1]);
    expect((await get('/reports/supervision?month=2026-03', westManager)).body.rows).toEqual([rep3]);
    expect((await get('/reports/supervision?month=2026-03', people.rep)).body.rows).toEqual([rep1]);
    expect((await get('/reports/supervision?month=2026-03', westRep)).body.rows).toEqual([rep3]);
    expect((await get('/reports/supervision?month=2026-03', people.otherRep)).body.rows).toEqual([]);
    expect((await get('/reports/supervision?month=2026-03', people.auditor)).body.rows).toEqual([rep1, rep3]);
  });

  it('narrows by filters within the scope and refuses one outside it', async () => {
    expect((await get('/reports/supervision?month=2026-03&rep=rep-3')).body.rows).toEqual([rep3]);
    const foreign = await get('/reports/supervision?month=2026-03&rep=rep-3', people.rep);
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('FILTER_NOT_AUTHORIZED');
    expect((await get('/reports/supervision?month=2026-03&region=west', people.eastManager)).status).toBe(403);
  });

  it('is not for analysts or finance', async () => {
    expect((await get('/reports/supervision?month=2026-03', people.analyst)).status).toBe(403);
    expect((await get('/reports/supervision?month=2026-03', people.finance)).status).toBe(403);
  });

  it('refuses a bad month or grouping with 400', async () => {
    for (const query of ['', '?month=2026-13', '?month=2026-03&groupBy=segment', '?month=2026-03&extra=1']) {
      const response = await get(`/reports/supervision${query}`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('INVALID_INPUT');
    }
  });

  it('answers zeros for a month not yet begun', async () => {
    const response = await get('/reports/supervision?month=2026-05');
    expect(response.body).toMatchObject({ asOf: '2026-05-01' });
    // Customers active on 1 May still count; nothing else happened in May.
    expect(response.body.rows.map((r: { key: string; orders_placed: number }) => [r.key, r.orders_placed])).toEqual([
      ['rep-1', 0],
      ['rep-3', 0],
    ]);
  });
});
