import type { Actor } from '@salesbook/domain';
import { customerBody, orderBody } from './testing/fixtures.js';
import { actor, ORDERS_PLACED_AT, startTestApi, type TestApi } from './testing/test-app.js';

// Every command route x role x ownership (issue 17): a rep acts on their own records in their region, a
// regional manager in their region, a sales manager and finance anywhere. Out of scope is one answer,
// 403 FORBIDDEN_SCOPE with nothing else, the same as for a record that does not exist.
type Owner = 'own' | 'colleague' | 'west';
const OWNERS: readonly Owner[] = ['own', 'colleague', 'west'];
const rep = actor('rep-1', 'sales_rep', 'east');
const rmEast = actor('rm-east', 'regional_manager', 'east');
const sm = actor('sm-1', 'sales_manager');
const finance = actor('fin-1', 'finance');
const system = actor('system', 'system');
/** Customer, order, receivable and owner per ownership; complaints are the handler's (never the customer's own rep). */
const OWNER_REP: Record<Owner, string> = { own: 'rep-1', colleague: 'rep-2', west: 'rep-3' };
const REGION: Record<Owner, string> = { own: 'east', colleague: 'east', west: 'west' };
/** Complaint k-<owner> is handled by HANDLER[owner] and is about the customer of HANDLED_ON[owner] (never their own). */
const HANDLED_ON: Record<Owner, Owner> = { own: 'colleague', colleague: 'own', west: 'west' };
const HANDLER: Record<Owner, string> = { own: 'rep-1', colleague: 'rep-2', west: 'rm-west' };

let api: TestApi;
let serial = 0;

async function send(path: string, body: unknown, who: Actor): Promise<{ status: number; body: { code?: string } }> {
  return api.call('POST', path, { actor: who, body });
}
async function must(path: string, body: unknown, who: Actor = sm): Promise<void> {
  const response = await send(path, body, who);
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
}

beforeAll(async () => {
  api = await startTestApi();
  for (const owner of OWNERS) {
    const c = `c-${owner}`;
    await must('/customers', { ...customerBody(c), region: REGION[owner], ownerRepId: OWNER_REP[owner] });
    await api.at(ORDERS_PLACED_AT, () => must('/orders', orderBody(`o-${owner}`, c, { repId: OWNER_REP[owner] })));
    await must(
      '/receivables',
      {
        receivableId: `r-${owner}`,
        orderId: `o-${owner}`,
        customerId: c,
        repId: OWNER_REP[owner],
        region: REGION[owner],
        amount: { amount: 10_000, currency: 'CNY' },
        issueDate: '2026-02-20',
        dueDate: '2026-03-20',
      },
      finance,
    );
  }
  for (const owner of OWNERS) {
    const on = HANDLED_ON[owner];
    await must('/complaints', {
      complaintId: `k-${owner}`,
      customerId: `c-${on}`,
      channel: 'phone',
      category: 'service',
      severity: 'low',
      description: 'rude on the phone',
    });
    await must(`/complaints/k-${owner}/assignment`, { handlerId: HANDLER[owner] });
  }
}, 60_000);
afterAll(() => api.close());

type Route = readonly [
  path: (id: string) => string,
  body: (owner: Owner | 'missing') => object,
  kind: 'customer' | 'order' | 'receivable' | 'complaint' | 'complaint-customer',
];
const cid = (o: string) => `c-${o}`;
/** Every command route with a valid body for a record of each ownership (`missing`: an id that does not exist). */
const ROUTES: Record<string, Route> = {
  'POST /customers/:id/profile': [(o) => `/customers/${cid(o)}/profile`, () => ({ size: 'medium' }), 'customer'],
  'POST /customers/:id/contact': [
    (o) => `/customers/${cid(o)}/contact`,
    () => ({ contact: { name: 'Han Meimei', phone: '+8613900000000', email: 'han@example.cn' } }),
    'customer',
  ],
  'POST /customers/:id/reassignment': [
    (o) => `/customers/${cid(o)}/reassignment`,
    (o) => ({ ownerRepId: o === 'missing' ? 'rep-1' : OWNER_REP[o] }),
    'customer',
  ],
  'POST /customers/:id/credit-limit': [
    (o) => `/customers/${cid(o)}/credit-limit`,
    () => ({ creditLimit: { amount: 5_000_000, currency: 'CNY' } }),
    'customer',
  ],
  'POST /customers/:id/surveys': [
    (o) => `/customers/${cid(o)}/surveys`,
    () => ({
      surveyId: `s-${(serial += 1)}`,
      period: '2026-02',
      nps: 9,
      csat: 5,
      scores: { productQuality: 5, delivery: 4, service: 5, price: 3 },
    }),
    'customer',
  ],
  'POST /orders': [() => '/orders', (o) => orderBody(`o-new-${(serial += 1)}`, cid(o), { repId: 'rep-1' }), 'customer'],
  'POST /orders/:id/discount-approval': [(o) => `/orders/o-${o}/discount-approval`, () => ({}), 'order'],
  'POST /orders/:id/confirmation': [(o) => `/orders/o-${o}/confirmation`, () => ({}), 'order'],
  'POST /orders/:id/amendments': [
    (o) => `/orders/o-${o}/amendments`,
    () => ({ promisedDeliveryDate: '2026-03-20', reason: 'customer asked', customerConfirmationRef: 'mail-1' }),
    'order',
  ],
  'POST /orders/:id/shipments': [
    (o) => `/orders/o-${o}/shipments`,
    () => ({ shipmentId: `sh-${(serial += 1)}`, shippedOn: '2026-02-10', lines: [{ lineId: 'l1', quantity: 1 }] }),
    'order',
  ],
  'POST /orders/:id/delivery': [(o) => `/orders/o-${o}/delivery`, () => ({ deliveredOn: '2026-02-12' }), 'order'],
  'POST /orders/:id/cancellation': [(o) => `/orders/o-${o}/cancellation`, () => ({ reason: 'test' }), 'order'],
  'POST /orders/:id/closure': [(o) => `/orders/o-${o}/closure`, () => ({ reason: 'test' }), 'order'],
  'POST /receivables/:id/payments': [
    (o) => `/receivables/r-${o}/payments`,
    () => ({
      paymentId: `p-${(serial += 1)}`,
      amount: { amount: 1, currency: 'CNY' },
      receivedOn: '2026-02-25',
      method: 'check',
    }),
    'receivable',
  ],
  'POST /receivables/:id/payment-reversals': [
    (o) => `/receivables/r-${o}/payment-reversals`,
    () => ({ paymentId: 'p-none', reason: 'bounced' }),
    'receivable',
  ],
  'POST /receivables/:id/credit-notes': [
    (o) => `/receivables/r-${o}/credit-notes`,
    () => ({ creditNoteId: `cn-${(serial += 1)}`, amount: { amount: 1, currency: 'CNY' }, reason: 'damaged' }),
    'receivable',
  ],
  'POST /receivables/:id/write-off-request': [
    (o) => `/receivables/r-${o}/write-off-request`,
    () => ({ reason: 'bankrupt' }),
    'receivable',
  ],
  'POST /receivables/:id/write-off-approval': [
    (o) => `/receivables/r-${o}/write-off-approval`,
    () => ({}),
    'receivable',
  ],
  'POST /receivables/:id/follow-ups': [
    (o) => `/receivables/r-${o}/follow-ups`,
    () => ({ channel: 'email', note: 'reminded' }),
    'receivable',
  ],
  'POST /receivables/:id/dispute': [(o) => `/receivables/r-${o}/dispute`, () => ({ reason: 'damaged' }), 'receivable'],
  'POST /receivables/:id/dispute-resolution': [
    (o) => `/receivables/r-${o}/dispute-resolution`,
    () => ({ resolution: 'credited' }),
    'receivable',
  ],
  'POST /complaints': [
    () => '/complaints',
    (o) => ({
      complaintId: `k-new-${(serial += 1)}`,
      customerId: cid(o),
      channel: 'phone',
      category: 'service',
      severity: 'low',
      description: 'slow answer',
    }),
    'customer',
  ],
  'POST /complaints/:id/assignment': [
    (o) => `/complaints/k-${o}/assignment`,
    (o) => ({ handlerId: o === 'missing' ? 'rep-1' : HANDLER[o] }),
    'complaint',
  ],
  'POST /complaints/:id/acknowledgement': [(o) => `/complaints/k-${o}/acknowledgement`, () => ({}), 'complaint'],
  'POST /complaints/:id/investigation': [
    (o) => `/complaints/k-${o}/investigation`,
    () => ({ findings: 'checked the call log' }),
    'complaint',
  ],
  'POST /complaints/:id/awaiting-customer': [
    (o) => `/complaints/k-${o}/awaiting-customer`,
    () => ({ note: 'asked for details' }),
    'complaint',
  ],
  'POST /complaints/:id/customer-response': [
    (o) => `/complaints/k-${o}/customer-response`,
    () => ({ note: 'details came' }),
    'complaint',
  ],
  'POST /complaints/:id/escalation': [
    (o) => `/complaints/k-${o}/escalation`,
    () => ({ escalateTo: 'rm-east', reason: 'needs a manager' }),
    'complaint',
  ],
  'POST /complaints/:id/resolution': [
    (o) => `/complaints/k-${o}/resolution`,
    () => ({ resolution: 'apologised' }),
    'complaint',
  ],
  'POST /complaints/:id/compensation-request': [
    (o) => `/complaints/k-${o}/compensation-request`,
    () => ({ amount: 250_000, currency: 'CNY', reason: 'a lost day' }),
    'complaint',
  ],
  'POST /complaints/:id/compensation-approval': [
    (o) => `/complaints/k-${o}/compensation-approval`,
    () => ({}),
    'complaint',
  ],
  'POST /complaints/:id/compensation-rejection': [
    (o) => `/complaints/k-${o}/compensation-rejection`,
    () => ({ reason: 'too much' }),
    'complaint',
  ],
  'POST /complaints/:id/closure': [(o) => `/complaints/k-${o}/closure`, () => ({ satisfaction: 4 }), 'complaint'],
  'POST /complaints/:id/reopening': [
    (o) => `/complaints/k-${o}/reopening`,
    () => ({ reason: 'it happened again' }),
    'complaint-customer',
  ],
  'POST /customers/:id/deactivation': [
    (o) => `/customers/${cid(o)}/deactivation`,
    () => ({ reason: 'closed down' }),
    'customer',
  ],
};

/** Whether `who` may reach the record of `owner` (the scope rule, written out here rather than imported). */
function inScope(who: Actor, owner: Owner, kind: Route[2]): boolean {
  // Reopening speaks for the complaint's customer: k-own is about rep-2's customer, k-colleague about rep-1's.
  const record = kind === 'complaint-customer' ? HANDLED_ON[owner] : owner;
  if (who.role === 'sales_rep') return record === 'own';
  if (who.role === 'regional_manager') return REGION[record] === who.region;
  return true;
}

const WHO: readonly Actor[] = [rep, rmEast, sm, finance];

describe.each(Object.entries(ROUTES))('%s', (_route, [path, body, kind]) => {
  it.each(WHO.map((who) => [`${who.role} ${who.id}`, who] as const))(
    "as %s: own customer, colleague's customer, other region",
    async (_label, who) => {
      const missing = await send(path('missing'), body('missing'), who);
      for (const owner of OWNERS) {
        const response = await send(path(owner), body(owner), who);
        // Past validation every time: the row reached the access rules (or the role check before them).
        expect(response.status).not.toBe(400);
        if (response.body.code === 'ROLE_NOT_ALLOWED') continue;
        if (inScope(who, owner, kind)) expect(response.body.code).not.toBe('FORBIDDEN_SCOPE');
        else {
          expect([response.status, response.body]).toEqual([
            403,
            {
              statusCode: 403,
              code: 'FORBIDDEN_SCOPE',
              message: 'this record is outside your scope, or does not exist',
            },
          ]);
          // Out of scope and missing look the same to a limited role.
          if (who.role === 'sales_rep' || who.role === 'regional_manager') expect(missing.body).toEqual(response.body);
        }
      }
    },
  );
});

it("abuse 1: a rep's order on a colleague's or another region's customer is refused before the credit check", async () => {
  // Fresh customers (the table above deactivated its own), each with a credit limit an order would exceed.
  await must('/customers', { ...customerBody('c-e2'), ownerRepId: 'rep-2' });
  await must('/customers', { ...customerBody('c-w2'), region: 'west', ownerRepId: 'rep-3' });
  for (const id of ['c-e2', 'c-w2'])
    await must(`/customers/${id}/credit-limit`, { creditLimit: { amount: 1, currency: 'CNY' } });
  for (const [customerId, region] of [
    ['c-e2', 'east'],
    ['c-w2', 'west'],
    ['c-nobody', 'east'],
  ] as const) {
    const response = await send(
      '/orders',
      orderBody(`o-abuse-${customerId}`, customerId, { repId: 'rep-1', region }),
      rep,
    );
    expect([response.status, response.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
  }
});

it("abuse 2: a regional manager cannot set another region's rep target by claiming the region", async () => {
  const claimed = await send(
    '/targets',
    { month: '2026-04', scope: 'rep', scopeId: 'rep-3', region: 'east', amount: 1_000_000, currency: 'CNY' },
    rmEast,
  );
  expect([claimed.status, claimed.body.code]).toEqual([409, 'REP_NOT_REGISTERED']);
  await must(
    '/targets',
    { month: '2026-04', scope: 'rep', scopeId: 'rep-3', region: 'west', amount: 2_000_000, currency: 'CNY' },
    actor('rm-west', 'regional_manager', 'west'),
  );
  const refused = await send(
    '/targets',
    { month: '2026-04', scope: 'rep', scopeId: 'rep-3', region: 'west', amount: 1_000_000, currency: 'CNY' },
    rmEast,
  );
  expect(refused.body).toEqual({
    statusCode: 403,
    code: 'FORBIDDEN_SCOPE',
    message: 'this record is outside your scope, or does not exist',
  });
});

it('a token whose region the register does not give, or of someone not on it, is refused', async () => {
  const claimed = await send('/customers/c-west/profile', { size: 'small' }, actor('rep-1', 'sales_rep', 'west'));
  expect([claimed.status, claimed.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  const stranger = await send('/customers/c-own/profile', { size: 'small' }, actor('rep-99', 'sales_rep', 'east'));
  expect([stranger.status, stranger.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  expect(
    (
      await send(
        '/team/members',
        { memberId: 'rep-9', role: 'sales_rep', region: 'west', joinedOn: '2026-03-01' },
        rmEast,
      )
    ).body.code,
  ).toBe('TEAM_NOT_AUTHORIZED');
  await must('/team/members', { memberId: 'rep-9', role: 'sales_rep', region: 'east', joinedOn: '2026-03-01' }, rmEast);
  const listed = await api.call('GET', '/team/members', { actor: rmEast });
  expect(listed.body.members.map((member: { memberId: string }) => member.memberId)).toEqual([
    'rep-1',
    'rep-2',
    'rep-9',
    'rep-east-01',
    'rep-east-02',
    'rm-east',
  ]);
  expect((await api.call('GET', '/team/members', { actor: rep })).body.members).toEqual([
    { memberId: 'rep-1', role: 'sales_rep', region: 'east', managerId: null, since: '2020-01-01' },
  ]);
});

it('system tokens stay outside the register', async () => {
  await must('/customers', customerBody('c-sys'));
  expect((await send('/customers/c-sys/profile', { size: 'large' }, system)).status).toBe(201);
});

it('reads follow the register too: a token claiming another region, or of someone not on it or gone, reads nothing', async () => {
  const monthly = '/reports/sales/monthly?month=2026-02&groupBy=region';
  const read = async (who: Actor) => api.call('GET', monthly, { actor: who });
  expect((await read(rmEast)).status).toBe(200);
  expect((await read(actor('aud-1', 'auditor'))).status).toBe(200);
  for (const who of [
    actor('rm-east', 'regional_manager', 'west'),
    actor('rep-99', 'sales_rep', 'east'),
    actor('rep-1', 'regional_manager', 'east'),
  ]) {
    const refused = await read(who);
    expect([refused.status, refused.body.code]).toEqual([403, 'ACTOR_NOT_REGISTERED']);
  }
  await must('/team/members', { memberId: 'rep-leaves', role: 'sales_rep', region: 'east', joinedOn: '2026-02-01' });
  const leaver = actor('rep-leaves', 'sales_rep', 'east');
  expect((await read(leaver)).status).toBe(200);
  await must('/team/members/rep-leaves/leaving', { leftOn: '2026-03-01' });
  expect((await read(leaver)).body.code).toBe('ACTOR_NOT_REGISTERED');
});
