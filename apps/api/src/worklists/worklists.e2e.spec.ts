import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

let api: TestApi;
let last = '0';
const eastManager = people.eastManager;
const westManager = actor('rm-west', 'regional_manager', 'west');
const westRep = actor('rep-3', 'sales_rep', 'west');

async function post(path: string, body: unknown, who = people.rep): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position;
}

const get = (path: string, who = people.rep) =>
  api.call('GET', path, { actor: who, headers: { 'X-Min-Position': last } });
const ids = async (path: string, field: string, who: typeof people.rep) => {
  const response = await get(path, who);
  if (response.status !== 200)
    throw new Error(`${path} as ${who.id}: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body.rows as Record<string, string>[]).map((row) => row[field]);
};

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', { ...customerBody('c-1'), companyName: 'Huatech Machinery Co., Ltd.' });
  await post(
    '/customers',
    { ...customerBody('c-2'), companyName: 'Jinxing Foods Co., Ltd.', ownerRepId: 'rep-2' },
    people.otherRep,
  );
  await post(
    '/customers',
    { ...customerBody('c-3'), companyName: '上海华东电子有限公司', region: 'west', ownerRepId: 'rep-3' },
    people.manager,
  );
  // A 15% discount is above a rep's 10%: the order waits for a manager.
  await post(
    '/orders',
    orderBody('o-1', 'c-1', {
      lines: [{ lineId: 'l1', sku: 'SKU-1', description: 'Widget', quantity: 10, unitPrice: 1_000, discountBp: 1_500 }],
    }),
  );
  await post('/orders', { ...orderBody('o-3', 'c-3'), repId: 'rep-3' }, westRep);
  await post(
    '/receivables',
    {
      receivableId: 'r-1',
      orderId: 'o-x',
      customerId: 'c-1',
      repId: 'rep-1',
      region: 'east',
      amount: { amount: 1_000, currency: 'CNY' },
      issueDate: '2026-01-01',
      dueDate: '2026-02-20',
    },
    people.finance,
  );
  await post('/receivables/r-1/write-off-request', { reason: 'customer insolvent' }, people.finance);
  await post(
    '/receivables',
    {
      receivableId: 'r-2',
      orderId: 'o-y',
      customerId: 'c-1',
      repId: 'rep-1',
      region: 'east',
      amount: { amount: 500, currency: 'CNY' },
      issueDate: '2026-01-01',
      dueDate: '2026-03-20',
    },
    people.finance,
  );
  await post('/receivables/r-2/write-off-request', { reason: 'customer insolvent' }, people.manager);
  await post('/complaints', {
    complaintId: 'k-1',
    customerId: 'c-1',
    channel: 'phone',
    category: 'delivery',
    severity: 'high',
    description: 'late and dented',
  });
  await post('/complaints/k-1/assignment', { handlerId: 'rep-2' }, eastManager);
}, 60_000);
afterAll(() => api.close());

describe('GET /customers', () => {
  it('answers each role its own scope', async () => {
    expect(await ids('/customers', 'customerId', people.rep)).toEqual(['c-1']);
    expect(await ids('/customers', 'customerId', people.otherRep)).toEqual(['c-2']);
    expect(await ids('/customers', 'customerId', eastManager)).toEqual(['c-1', 'c-2']);
    expect(await ids('/customers', 'customerId', westManager)).toEqual(['c-3']);
    expect(await ids('/customers', 'customerId', people.manager)).toEqual(['c-1', 'c-2', 'c-3']);
    expect(await ids('/customers', 'customerId', people.analyst)).toEqual(['c-1', 'c-2', 'c-3']);
    expect((await get('/customers', people.finance)).status).toBe(403);
  });

  it('searches by name, word and id, and pages with an opaque cursor', async () => {
    expect(await ids('/customers?q=foods', 'customerId', people.manager)).toEqual(['c-2']);
    expect(await ids(`/customers?q=${encodeURIComponent('华东')}`, 'customerId', people.manager)).toEqual(['c-3']);
    expect(await ids('/customers?q=c-1', 'customerId', people.manager)).toEqual(['c-1']);
    expect(await ids('/customers?q=foods', 'customerId', people.rep)).toEqual([]);
    const first = await get('/customers?limit=2', people.manager);
    expect(first.body.rows.map((r: { customerId: string }) => r.customerId)).toEqual(['c-1', 'c-2']);
    const second = await get(`/customers?limit=2&cursor=${first.body.nextCursor}`, people.manager);
    expect([second.body.rows.map((r: { customerId: string }) => r.customerId), second.body.nextCursor]).toEqual([
      ['c-3'],
      null,
    ]);
  });

  it('refuses bad paging and a filter outside the scope', async () => {
    for (const query of ['limit=201', 'limit=0', 'cursor=bm90LWEtY3Vyc29y', 'active=yes', 'colour=red']) {
      const response = await get(`/customers?${query}`, people.manager);
      expect([query, response.status, response.body.code]).toEqual([query, 400, 'INVALID_INPUT']);
    }
    const chinese = await api.call('GET', '/customers?cursor=bm90', {
      actor: people.manager,
      headers: { 'Accept-Language': 'zh-CN' },
    });
    expect(chinese.body.issues).toEqual([
      { in: 'query', path: ['cursor'], message: '不是本列表的游标：请传入上一页的 nextCursor' },
    ]);
    const foreignCursor = (await get('/orders?limit=1', people.manager)).body.nextCursor;
    expect((await get(`/customers?cursor=${foreignCursor}`, people.manager)).status).toBe(400);
    expect((await get('/customers?owner=rep-2', people.rep)).body.code).toBe('FILTER_NOT_AUTHORIZED');
    expect((await get('/customers?region=west', eastManager)).body.code).toBe('FILTER_NOT_AUTHORIZED');
  });

  it('refuses a token the team register does not back', async () => {
    expect((await get('/customers', actor('rep-9', 'sales_rep', 'east'))).body.code).toBe('ACTOR_NOT_REGISTERED');
    expect((await get('/customers', actor('rep-1', 'sales_rep', 'west'))).body.code).toBe('ACTOR_NOT_REGISTERED');
  });
});

describe('GET /orders, /receivables, /complaints', () => {
  it('scopes orders by role and filters by status', async () => {
    expect(await ids('/orders', 'orderId', people.rep)).toEqual(['o-1']);
    expect(await ids('/orders', 'orderId', people.otherRep)).toEqual([]);
    expect(await ids('/orders', 'orderId', westManager)).toEqual(['o-3']);
    expect((await ids('/orders', 'orderId', people.manager)).sort()).toEqual(['o-1', 'o-3']);
    expect(await ids('/orders?status=awaiting_approval', 'orderId', people.manager)).toEqual(['o-1']);
    expect((await get('/orders?status=lost', people.manager)).status).toBe(400);
  });

  it('scopes receivables by role (finance reads them all)', async () => {
    expect(await ids('/receivables', 'receivableId', people.rep)).toEqual(['r-1', 'r-2']);
    expect(await ids('/receivables', 'receivableId', westRep)).toEqual([]);
    expect(await ids('/receivables?status=overdue', 'receivableId', people.finance)).toEqual(['r-1']);
    expect((await get('/receivables', people.finance)).body.rows[0]).toMatchObject({
      nextDueOn: '2026-02-20',
      overdue: true,
      writeOffRequested: true,
    });
  });

  it("shows a complaint to its customer's rep, its handler and the region, breached first", async () => {
    expect(await ids('/complaints', 'complaintId', people.rep)).toEqual(['k-1']);
    expect(await ids('/complaints', 'complaintId', people.otherRep)).toEqual(['k-1']);
    expect(await ids('/complaints', 'complaintId', westRep)).toEqual([]);
    expect(await ids('/complaints', 'complaintId', westManager)).toEqual([]);
    expect(await ids('/complaints?status=open&handler=rep-2', 'complaintId', eastManager)).toEqual(['k-1']);
    expect((await get('/complaints?handler=rep-2', people.rep)).body.code).toBe('FILTER_NOT_AUTHORIZED');
    expect((await get('/complaints', eastManager)).body.rows[0]).toMatchObject({
      status: 'filed',
      deadline: 'acknowledge',
      handlerId: 'rep-2',
    });
  });
});

describe('GET /approvals and /my-day', () => {
  it('lists what the caller may approve, never their own request, and approves from the link', async () => {
    const inbox = async (who: typeof people.rep) =>
      (await get('/approvals', who)).body.rows.map((r: { kind: string; id: string }) => `${r.kind}:${r.id}`);
    // sm-1 asked for r-2's write-off: someone else approves it.
    expect(await inbox(people.manager)).toEqual(['discount:o-1', 'write_off:r-1']);
    expect(await inbox(westManager)).toEqual([]);
    expect((await get('/approvals', people.rep)).status).toBe(403);
    const [discount] = (await get('/approvals', eastManager)).body.rows;
    expect(discount).toMatchObject({
      kind: 'discount',
      id: 'o-1',
      askedBy: 'rep-1',
      discountBp: 1_500,
      approve: { method: 'POST', path: '/orders/o-1/discount-approval' },
    });
    await post(discount.approve.path, {}, eastManager);
    expect(await inbox(eastManager)).toEqual(['write_off:r-1', 'write_off:r-2']);
  });

  it('gives a rep their day and a manager theirs with the approvals', async () => {
    const repDay = await get('/my-day', people.rep);
    expect(repDay.status).toBe(200);
    expect(repDay.body).toMatchObject({ today: '2026-03-01', approvals: null, stale: false });
    expect(repDay.body.followUps.items.map((r: { receivableId: string }) => r.receivableId)).toEqual(['r-1']);
    const handlerDay = await get('/my-day', people.otherRep);
    expect(handlerDay.body.complaints.items.map((r: { complaintId: string }) => r.complaintId)).toEqual(['k-1']);
    const managerDay = await get('/my-day', eastManager);
    expect(
      managerDay.body.approvals.items.map((r: { id: string; approve: { path: string } }) => r.approve.path),
    ).toEqual(['/receivables/r-1/write-off-approval', '/receivables/r-2/write-off-approval']);
    expect((await get('/my-day', westManager)).body.followUps.items).toEqual([]);
    expect((await get('/my-day', people.finance)).status).toBe(403);
  });
});
