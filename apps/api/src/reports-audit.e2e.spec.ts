import { allProjections } from '@salesbook/projections';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

let api: TestApi;
let confirmedAt: string;
beforeAll(async () => {
  api = await startTestApi();
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
  await api.call('POST', '/orders', { actor: people.rep, body: orderBody('o-1', 'c-1') });
  confirmedAt = (await api.call('POST', '/orders/o-1/confirmation', { actor: people.rep, body: {} })).body.position;
});
afterAll(() => api.close());

describe('reports', () => {
  it('reads its writes with X-Min-Position: daily sales by rep, in the business zone', async () => {
    const response = await api.call('GET', '/reports/sales/daily?date=2026-03-01&groupBy=rep', {
      actor: people.manager,
      headers: { 'x-min-position': confirmedAt },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      date: '2026-03-01',
      groupBy: 'rep',
      stale: false,
      lag: 0,
      minPosition: confirmedAt,
    });
    expect(BigInt(response.body.position)).toBeGreaterThanOrEqual(BigInt(confirmedAt));
    // The full daily report: one rep-1 row of 2026-03-01, its new customer and its order of 19 500 (booked and month to date).
    expect(response.body.rows).toEqual([
      {
        business_date: '2026-03-01',
        group_by: 'rep',
        group: 'rep-1',
        orders_confirmed: 1,
        cancellations: 0,
        shipments: 0,
        deliveries_on_time: 0,
        deliveries_late: 0,
        deliveries_due_tomorrow: 0,
        complaints_opened: 0,
        complaints_closed: 0,
        new_customers: 1,
        currencies: [
          {
            currency: 'CNY',
            orders_confirmed: 1,
            confirmed_amount: 19_500,
            amendments_delta: 0,
            closes_delta: 0,
            cancellations: 0,
            cancelled_amount: 0,
            booked: 19_500,
            month_to_date_booked: 19_500,
            target: null,
            month_to_date_attainment: null,
            invoiced: 0,
            collected: 0,
            newly_overdue_installments: 0,
            newly_overdue_amount: 0,
          },
        ],
      },
    ]);
  });

  it('answers stale, with its position and lag, when the position is not reached in time', async () => {
    const started = Date.now();
    const response = await api.call('GET', '/reports/sales/daily?date=2026-03-01', {
      actor: people.manager,
      headers: { 'x-min-position': '999999' },
    });
    expect(response.body).toMatchObject({
      stale: true,
      minPosition: '999999',
      position: expect.any(String),
      lag: expect.any(Number),
    });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('shows a rep only their rows and a regional manager only their region', async () => {
    const other = await api.call('GET', '/reports/sales/daily?date=2026-03-01', { actor: people.otherRep });
    expect(other.body.rows).toEqual([]);
    const west = await api.call('GET', '/reports/sales/daily?date=2026-03-01&groupBy=region', {
      actor: actor('rm-west', 'regional_manager', 'west'),
    });
    expect(west.body.rows).toEqual([]);
    // A token claiming a region the register does not give its holder reads nothing at all.
    const claimed = await api.call('GET', '/reports/sales/daily?date=2026-03-01&groupBy=region', {
      actor: { ...people.eastManager, region: 'west' as never },
    });
    expect([claimed.status, claimed.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  });
});

describe('audit', () => {
  it("returns a stream's history with metadata and hash, personal data masked", async () => {
    const response = await api.call('GET', '/audit/streams/customer-c-1/events', { actor: people.auditor });
    expect(response.status).toBe(200);
    const [event] = response.body.events;
    expect(event).toMatchObject({
      revision: 0,
      type: 'CustomerRegistered',
      metadata: { actor: { id: 'rep-1' }, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(event.data.contact).toEqual({ name: '***', phone: '***', email: '***' });
    expect(JSON.stringify(response.body)).not.toContain('li.lei@example.cn');
  });

  it('returns state as of a revision, as of a time, and 404 for an unknown stream', async () => {
    const atPlacement = await api.call('GET', '/audit/streams/order-o-1/state?asOf=0', { actor: people.auditor });
    expect(atPlacement.body).toMatchObject({ revision: 0, state: { status: 'placed' } });
    const now = await api.call('GET', '/audit/streams/order-o-1/state', { actor: people.auditor });
    expect(now.body).toMatchObject({ revision: 1, state: { status: 'confirmed' } });
    const before = await api.call('GET', '/audit/streams/order-o-1/state?asOf=2026-01-01T00:00:00Z', {
      actor: people.auditor,
    });
    expect(before.body).toMatchObject({ revision: -1, state: { status: 'none' } });
    const unknown = await api.call('GET', '/audit/streams/order-nope/events', { actor: people.auditor });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'STREAM_NOT_FOUND']);
  });
});

describe('operations and documentation', () => {
  it('is live, ready, and reports projection status', async () => {
    expect((await api.call('GET', '/health')).status).toBe(200);
    const ready = await api.call('GET', '/ready');
    expect([ready.status, ready.body.status]).toEqual([200, 'ok']);
    const status = await api.call('GET', '/projections/status', { actor: people.manager });
    // Every read model runs over the events this API wrote, none parked.
    expect(status.body.projections).toEqual(
      allProjections.map(({ name }) => expect.objectContaining({ name, state: 'live', parked: 0 })),
    );
  });

  it('serves the OpenAPI document with every command schema as a component, and the UI at /docs', async () => {
    const document = (await api.call('GET', '/docs/openapi.json')).body;
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining(['PlaceOrder', 'RecordPayment', 'ResolveComplaint', 'SetSalesTarget', 'Error']),
    );
    const amend = document.paths['/orders/{id}/amendments'].post;
    expect(amend.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/AmendOrder' });
    expect(document.components.schemas.AmendOrder.properties.orderId).toBeUndefined();
    expect((await api.call('GET', '/docs')).body).toContain('swagger-ui');
  });

  it('documents the answer of every read route as a component of the document', async () => {
    const document = (await api.call('GET', '/docs/openapi.json')).body;
    const reads = Object.entries(
      document.paths as Record<
        string,
        { get?: { responses: Record<string, { content?: { 'application/json': { schema: { $ref: string } } } }> } }
      >,
    )
      .filter(([, item]) => item.get !== undefined)
      .map(([path, item]) => [path, item.get?.responses['200']?.content?.['application/json'].schema.$ref] as const);
    expect(reads.length).toBe(58);
    for (const [path, ref] of reads)
      expect({ path, ref }).toEqual({ path, ref: expect.stringMatching(/^#\/components\/schemas\/\w+Answer$/) });
    const daily = document.components.schemas.GetReportsSalesDailyAnswer;
    expect(daily.properties.rows.items.properties.currencies.items.required).toContain('month_to_date_attainment');
    expect(daily.additionalProperties).toBe(false);
  });
});
