import type { Actor } from '@salesbook/domain';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, TEST_NOW, type TestApi } from './testing/test-app.js';

// What each role reads of a customer's contact and a complaint's description through the audit routes, and the
// personal data read log that every unmasked read lands in.
const DESCRIPTION = 'Li Lei (li.lei@example.cn) says the parcel was soaked';
const CONTACT = customerBody('c-1').contact;
const MASKED = { name: '***', phone: '***', email: '***' };

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  const post = async (path: string, body: unknown, by: Actor) => {
    const response = await api.call('POST', path, { actor: by, body });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  await post('/customers', customerBody('c-1'), people.rep);
  await post('/orders', orderBody('o-1', 'c-1'), people.rep);
  await post(
    '/complaints',
    {
      complaintId: 'k-1',
      customerId: 'c-1',
      channel: 'phone',
      category: 'delivery',
      severity: 'low',
      description: DESCRIPTION,
    },
    people.rep,
  );
  await post(
    '/targets',
    { month: '2026-03', scope: 'rep', scopeId: 'rep-1', region: 'east', amount: 1_000_000, currency: 'CNY' },
    people.eastManager,
  );
});
afterAll(() => api.close());

const westManager = actor('rm-west', 'regional_manager', 'west');
type Seen = 'unmasked' | 'masked' | 403;

/** Every role (and the rep and regional manager outside the customer's scope): what they get of c-1's streams. */
const MATRIX: [string, Actor, { customer: Seen; complaint: Seen; order: Seen; target: Seen }][] = [
  [
    'sales_manager',
    people.manager,
    { customer: 'unmasked', complaint: 'unmasked', order: 'unmasked', target: 'unmasked' },
  ],
  [
    'regional_manager of the region',
    people.eastManager,
    { customer: 'unmasked', complaint: 'unmasked', order: 'unmasked', target: 'unmasked' },
  ],
  ['regional_manager of another region', westManager, { customer: 403, complaint: 403, order: 403, target: 403 }],
  [
    'sales_rep owning the customer',
    people.rep,
    { customer: 'unmasked', complaint: 'unmasked', order: 'unmasked', target: 'unmasked' },
  ],
  ['sales_rep of other customers', people.otherRep, { customer: 403, complaint: 403, order: 403, target: 403 }],
  ['finance', people.finance, { customer: 'unmasked', complaint: 403, order: 403, target: 403 }],
  ['auditor', people.auditor, { customer: 'masked', complaint: 'masked', order: 'masked', target: 'masked' }],
  ['system', people.system, { customer: 'masked', complaint: 'masked', order: 'masked', target: 'masked' }],
];

const get = (path: string, by: Actor) => api.call('GET', path, { actor: by });

describe.each(MATRIX)('%s', (_name, who, seen) => {
  it("reads the customer's contact in history and state as allowed", async () => {
    const [history, state] = [
      await get('/audit/streams/customer-c-1/events', who),
      await get('/audit/streams/customer-c-1/state', who),
    ];
    if (seen.customer === 403) {
      expect([history.status, history.body.code, state.status, state.body.code]).toEqual([
        403,
        'STREAM_NOT_AUTHORIZED',
        403,
        'STREAM_NOT_AUTHORIZED',
      ]);
      return;
    }
    const expected = seen.customer === 'unmasked' ? CONTACT : MASKED;
    expect([history.status, history.body.personalData, history.body.events[0].data.contact]).toEqual([
      200,
      seen.customer,
      expected,
    ]);
    expect([state.status, state.body.personalData, state.body.state.contact]).toEqual([200, seen.customer, expected]);
    // Never the sealed form, for anyone.
    expect(JSON.stringify([history.body, state.body])).not.toContain('sbpd1.');
  });

  it("reads the complaint's description, the order and the target as allowed", async () => {
    const complaint = await get('/audit/streams/complaint-k-1/events', who);
    if (seen.complaint === 403) expect([complaint.status, complaint.body.code]).toEqual([403, 'STREAM_NOT_AUTHORIZED']);
    else
      expect([complaint.status, complaint.body.events[0].data.description]).toEqual([
        200,
        seen.complaint === 'unmasked' ? DESCRIPTION : '***',
      ]);
    const order = await get('/audit/streams/order-o-1/state', who);
    expect(order.status).toBe(seen.order === 403 ? 403 : 200);
    const target = await get('/audit/streams/target-2026-03-rep-rep-1/events', who);
    expect(target.status).toBe(seen.target === 403 ? 403 : 200);
  });
});

it('refuses the audit routes to market analysts (reports only)', async () => {
  const response = await get('/audit/streams/customer-c-1/events', people.analyst);
  expect([response.status, response.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
});

describe('a stream the reader may not see answers as one that does not exist (abuse 7)', () => {
  it.each([
    ['sales_rep of other customers', people.otherRep, 'customer-c-1', 'customer-c-nope'],
    ['sales_rep of other customers', people.otherRep, 'order-o-1', 'order-o-nope'],
    ['regional_manager of another region', westManager, 'complaint-k-1', 'complaint-k-nope'],
    ['finance', people.finance, 'order-o-1', 'order-o-nope'],
  ])('%s: %s and %s get the same refusal', async (_name, who, existing, missing) => {
    for (const route of ['events', 'state']) {
      const [seen, unseen] = [
        await get(`/audit/streams/${existing}/${route}`, who),
        await get(`/audit/streams/${missing}/${route}`, who),
      ];
      expect([seen.status, seen.body.code]).toEqual([403, 'STREAM_NOT_AUTHORIZED']);
      expect([unseen.status, unseen.body.code, unseen.body.message.replace(missing, existing)]).toEqual([
        seen.status,
        seen.body.code,
        seen.body.message,
      ]);
    }
  });

  it('reads the streams of every aggregate, not only the customer-facing ones, and refuses a name of none', async () => {
    for (const stream of ['team-register', 'commission-plans', 'period-closes', 'product-SKU-1', 'statement-2026-03']) {
      const answer = await get(`/audit/streams/${stream}/events`, people.auditor);
      expect({ stream, status: answer.status }).toEqual({ stream, status: stream === 'team-register' ? 200 : 404 });
    }
    const register = await get('/audit/streams/team-register/state', people.auditor);
    expect(register.status).toBe(200);
    expect(Object.keys(register.body.state.members)).toContain('rep-1');
    const unknown = await get('/audit/streams/ledger-1/events', people.auditor);
    expect([unknown.status, unknown.body.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('still tells a reader who may see every stream that one does not exist', async () => {
    const missing = await get('/audit/streams/order-o-nope/events', people.auditor);
    expect([missing.status, missing.body.code]).toEqual([404, 'STREAM_NOT_FOUND']);
  });
});

describe('the personal data read log', () => {
  const reads = (query: string, by: Actor = people.manager) => get(`/audit/personal-data-reads${query}`, by);

  it('holds one entry per unmasked read (who, role, when, which customer, which route), none for masked or refused ones', async () => {
    const response = await reads('?customerId=c-1');
    expect(response.status).toBe(200);
    const unmasked = MATRIX.filter(([, , seen]) => seen.customer === 'unmasked').map(([, who]) => who);
    const expected = unmasked.flatMap((who) => [
      {
        actorId: who.id,
        role: who.role,
        purpose: 'GET /audit/streams/customer-c-1/events',
        customerIds: ['c-1'],
        streams: ['customer-c-1'],
        at: TEST_NOW,
      },
      {
        actorId: who.id,
        role: who.role,
        purpose: 'GET /audit/streams/customer-c-1/state',
        customerIds: ['c-1'],
        streams: ['customer-c-1'],
        at: TEST_NOW,
      },
      ...(who.role === 'finance'
        ? []
        : [
            {
              actorId: who.id,
              role: who.role,
              purpose: 'GET /audit/streams/complaint-k-1/events',
              customerIds: ['c-1'],
              streams: ['complaint-k-1'],
              at: TEST_NOW,
            },
          ]),
    ]);
    // Orders and targets hold no personal data: reading them logs nothing.
    expect(response.body).toEqual({ reads: expected, truncated: false });
  });

  it('filters by reader, customer and time, and says when it cut the list', async () => {
    expect((await reads('?readerId=rep-1')).body.reads.map((read: { actorId: string }) => read.actorId)).toEqual([
      'rep-1',
      'rep-1',
      'rep-1',
    ]);
    expect((await reads('?customerId=c-2')).body.reads).toEqual([]);
    expect((await reads('?from=2026-03-01T08:00:00Z&to=2026-03-01T08:00:00Z')).body.reads).toHaveLength(11);
    expect((await reads('?from=2026-03-01T08:00:01Z')).body.reads).toEqual([]);
    expect((await reads('?to=2026-03-01T07:59:59Z')).body.reads).toEqual([]);
    expect((await reads('?maxCount=2')).body).toEqual({
      reads: [expect.objectContaining({ actorId: 'sm-1' }), expect.objectContaining({ actorId: 'sm-1' })],
      truncated: true,
    });
  });

  it('is in the OpenAPI document with its query parameters', async () => {
    const route = (await api.call('GET', '/docs/openapi.json')).body.paths['/audit/personal-data-reads'].get;
    expect(
      route.parameters.map((parameter: { name: string; in: string }) => `${parameter.in}:${parameter.name}`).sort(),
    ).toEqual(['query:customerId', 'query:from', 'query:maxCount', 'query:readerId', 'query:to']);
  });

  it('is open to sales managers and auditors only, and validates its query', async () => {
    expect((await reads('', people.auditor)).status).toBe(200);
    for (const who of [people.eastManager, people.rep, people.finance, people.analyst, people.system]) {
      const response = await reads('', who);
      expect([who.role, response.status, response.body.code]).toEqual([who.role, 403, 'ROLE_NOT_ALLOWED']);
    }
    for (const query of [
      '?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z',
      '?customerId=no%20spaces',
      '?from=yesterday',
      '?maxCount=0',
      '?who=me',
    ]) {
      const response = await reads(query);
      expect([query, response.status, response.body.code]).toEqual([query, 400, 'INVALID_INPUT']);
    }
  });
});

describe('erasure over HTTP', () => {
  const erase = (
    customerId: string,
    by: Actor,
    body: unknown = { reason: 'data subject request' },
    headers: Record<string, string> = {},
  ) => api.call('POST', `/customers/${customerId}/erasure`, { actor: by, body, headers });

  it('refuses the manager of another region, an unknown customer, a missing reason and If-Match', async () => {
    const west = await erase('c-1', westManager);
    // Another region's customer is outside the manager's scope: the access rules' one refusal.
    expect([west.status, west.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await erase('c-nobody', people.manager)).status).toBe(404);
    expect((await erase('c-1', people.manager, {})).status).toBe(400);
    const conditional = await erase('c-1', people.manager, undefined, { 'if-match': '0' });
    expect([conditional.status, conditional.body.issues]).toEqual([
      400,
      [expect.objectContaining({ in: 'headers', path: ['if-match'] })],
    ]);
  });

  it('erases for the region manager; afterwards unmasked readers see [erased], masked ones ***, and reading it logs nothing', async () => {
    const logged = (await reads()).length;
    const erased = await erase('c-1', people.eastManager);
    expect([erased.status, erased.body.events, erased.body.keyDestroyed]).toEqual([
      201,
      ['CustomerPersonalDataForgotten'],
      true,
    ]);
    const manager = await get('/audit/streams/customer-c-1/events', people.manager);
    expect(manager.body.events[0].data.contact).toEqual({ name: '[erased]', phone: '[erased]', email: '[erased]' });
    expect((await get('/audit/streams/complaint-k-1/events', people.rep)).body.events[0].data.description).toBe(
      '[erased]',
    );
    expect((await get('/audit/streams/customer-c-1/events', people.auditor)).body.events[0].data.contact).toEqual(
      MASKED,
    );
    expect(await reads()).toHaveLength(logged);
  });

  async function reads(): Promise<unknown[]> {
    return (await get('/audit/personal-data-reads?customerId=c-1', people.manager)).body.reads;
  }
});
