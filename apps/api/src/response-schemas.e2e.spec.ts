import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from './auth/jwt.js';
import { startDemo, type Demo } from './demo/start-demo.js';
import { ROUTES } from './routes.js';

// Every read route's documented answer (its `response` schema, the one in the OpenAPI document) checked against
// what the API really answers on the demo seed: two months of generated activity, read by a sales manager.
let dir: string;
let demo: Demo;
let bearer: string;

const seed = { seed: 11, start: '2026-01-01', months: 2, customers: 24 };
const PERIOD = 'from=2026-01-01&to=2026-02-28';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-answers-'));
  const env = {
    SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'events.db')}`,
    SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
    SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
    SALESBOOK_PORT: '0',
    SALESBOOK_LOG_LEVEL: 'silent',
    SALESBOOK_WEBHOOK_KEY: 'answers-webhook-key-answers-webhook-key',
  };
  demo = await startDemo(env, {
    seed,
    host: '127.0.0.1',
    clock: () => new Date('2026-03-01T08:00:00.000Z'),
    warn: () => undefined,
  });
  if (demo.config.jwt.kind !== 'secret') throw new Error('the demo signs tokens with a secret');
  bearer = await signToken(demo.config.jwt.secret, { id: 'sm-01' as never, role: 'sales_manager' });
  const subscribed = await fetch(`${demo.url}/webhooks/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({ subscriptionId: 'ops', url: 'https://hooks.example.com/salesbook', kinds: ['order_late'] }),
  });
  if (subscribed.status !== 201) throw new Error(`subscribing: ${subscribed.status}`);
  const competition = await fetch(`${demo.url}/competitions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      competitionId: 'q1',
      name: 'Q1 collections',
      period: '2026-Q1',
      metric: 'collected',
      scope: 'all',
      prize: 'a trophy',
    }),
  });
  if (competition.status !== 201) throw new Error(`announcing a competition: ${competition.status}`);
  await launchCampaign();
  const action = await fetch(`${demo.url}/improvement-actions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      actionId: 'act-1',
      title: 'Check invoices against orders',
      finding: {
        report: 'complaints',
        metric: 'rootCause',
        rootCause: 'billing_error',
        period: { from: '2026-01', to: '2026-02' },
        value: 3,
      },
      department: 'billing',
      ownerId: 'fin-lead',
      dueOn: '2026-02-20',
    }),
  });
  if (action.status !== 201) throw new Error(`opening an improvement action: ${action.status}`);
}, 60_000);
/** A survey campaign over the seed's customers, taking answers in March: its links, reminders and coverage have rows. */
async function launchCampaign(): Promise<void> {
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  const plan = { campaignId: 'q1', name: 'Q1 survey', period: '2026-02', population: { orderedWithinMonths: 3 } };
  const body = JSON.stringify({ ...plan, sample: { kind: 'all' }, opensOn: '2026-03-01', closesOn: '2026-03-31' });
  const planned = await fetch(`${demo.url}/survey-campaigns`, { method: 'POST', headers, body });
  const launched = await fetch(`${demo.url}/survey-campaigns/q1/launch`, { method: 'POST', headers, body: '{}' });
  if (planned.status !== 201 || launched.status !== 201)
    throw new Error(`launching a survey campaign: ${planned.status}, ${launched.status}`);
}

afterAll(async () => {
  await demo.app.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string): Promise<{ status: number; body: unknown }> => {
  const response = await fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  return { status: response.status, body: await response.json() };
};

/** A concrete request per read route, on the seeded months; `:repId` and `:stream` come from the seed's own answers. */
async function requests(): Promise<Record<string, string>> {
  const daily = (await get('/reports/sales/daily?date=2026-02-10&groupBy=rep')).body as { rows: { group: string }[] };
  const orders = (await get('/reports/sales/orders?month=2026-02')).body as { rows: { order_id: string }[] };
  const repId = daily.rows[0]?.group ?? 'none';
  const stream = `order-${orders.rows[0]?.order_id ?? 'none'}`;
  const promotions = (await get('/promotions?status=approved')).body as { rows: { promotion_id: string }[] };
  const promotionId = promotions.rows[0]?.promotion_id ?? 'none';
  return {
    '/reports/sales/daily': '/reports/sales/daily?date=2026-02-10&groupBy=region',
    '/reports/sales/monthly': '/reports/sales/monthly?month=2026-02&groupBy=segment',
    '/reports/reps/:repId/scorecard': `/reports/reps/${repId}/scorecard?month=2026-02`,
    '/reports/sales/orders': '/reports/sales/orders?month=2026-02',
    '/reports/satisfaction': `/reports/satisfaction?${PERIOD}`,
    '/reports/satisfaction/answers': `/reports/satisfaction/answers?${PERIOD}&nps=detractors`,
    '/reports/complaints': `/reports/complaints?${PERIOD}&groupBy=category`,
    '/reports/complaints/rows': `/reports/complaints/rows?${PERIOD}`,
    '/reports/customers/stale-profiles': '/reports/customers/stale-profiles?asOf=2026-02-28&months=1',
    '/reports/collections/aging': '/reports/collections/aging?asOf=2026-02-28&groupBy=region',
    '/reports/collections/summary': '/reports/collections/summary?month=2026-02&groupBy=rep',
    '/reports/collections/overdue': '/reports/collections/overdue?asOf=2026-02-28',
    '/products': '/products?currency=CNY&asOf=2026-02-28',
    '/price-lists': '/price-lists?currency=CNY&on=2026-02-01',
    '/promotions': '/promotions',
    '/reports/margins': '/reports/margins?from=2026-02&to=2026-02&groupBy=product',
    '/reports/price-realisation': '/reports/price-realisation?from=2026-02&to=2026-02&groupBy=rep',
    '/reports/promotions/:promotionId/effectiveness': `/reports/promotions/${promotionId}/effectiveness`,
    '/reports/forecast': '/reports/forecast?asOf=2026-02-28&months=3&groupBy=region',
    '/reports/forecast/accuracy': '/reports/forecast/accuracy?from=2026-01&to=2026-02&lagMonths=1&groupBy=region',
    '/reports/supervision': '/reports/supervision?month=2026-02&groupBy=rep',
    '/alerts': '/alerts?since=2026-02-01T00:00:00.000Z',
    '/webhooks/subscriptions': '/webhooks/subscriptions',
    '/webhooks/subscriptions/:id/secret': '/webhooks/subscriptions/ops/secret',
    '/audit/streams/:stream/events': `/audit/streams/${stream}/events?maxCount=20`,
    '/audit/streams/:stream/state': `/audit/streams/${stream}/state`,
    '/audit/personal-data-reads': '/audit/personal-data-reads',
    '/team/members': '/team/members?on=2026-02-10',
    '/health': '/health',
    '/ready': '/ready',
    '/projections/status': '/projections/status',
    '/customers': '/customers?q=co&limit=20',
    '/orders': '/orders?limit=20',
    '/receivables': '/receivables?limit=20',
    '/complaints': '/complaints?limit=20',
    '/approvals': '/approvals',
    '/my-day': '/my-day',
    '/periods': '/periods?from=2026-01&to=2026-02',
    '/monthly-reports': '/monthly-reports?month=2026-02',
    '/reports/late-adjustments': '/reports/late-adjustments?month=2026-02',
    '/reports/commissions': '/reports/commissions?month=2026-02&groupBy=rep',
    '/forecasts': '/forecasts?from=2026-01&to=2026-03&asOf=2026-02-28',
    '/opportunities': '/opportunities',
    '/quotations': '/quotations',
    '/reports/pipeline': '/reports/pipeline?groupBy=rep&asOf=2026-02-28',
    '/reports/commissions/lines': `/reports/commissions/lines?rep=${repId}&month=2026-02`,
    '/reports/rankings': '/reports/rankings?period=2026-Q1&metric=collected',
    '/competitions': '/competitions',
    '/competitions/:id/standings': '/competitions/q1/standings',
    '/evaluations': '/evaluations?year=2026',
    '/evaluations/:rep/:quarter': `/evaluations/${repId}/2026-Q1`,
    '/survey-campaigns/:id/links': '/survey-campaigns/q1/links',
    '/survey-campaigns/:id/reminders': '/survey-campaigns/q1/reminders',
    '/survey-campaigns': '/survey-campaigns',
    '/reports/survey-campaigns/:id': '/reports/survey-campaigns/q1?groupBy=region',
    '/reports/market-share': '/reports/market-share?period=2026-Q1&groupBy=region',
    '/reports/competitor-prices': '/reports/competitor-prices?from=2026-01&to=2026-02',
    '/reports/improvement-actions': '/reports/improvement-actions',
  };
}

const reads = ROUTES.filter((spec) => spec.method === 'GET' && spec.path !== '/docs');

it('documents an answer for every read route', () => {
  expect(reads.filter((spec) => spec.response === undefined).map((spec) => spec.path)).toEqual([]);
});

it('answers every read route as its response schema says, with rows where the seed has them', async () => {
  const paths = await requests();
  expect(Object.keys(paths).sort()).toEqual(reads.map((spec) => spec.path).sort());
  const rowCounts: Record<string, number> = {};
  for (const spec of reads) {
    const path = paths[spec.path] ?? spec.path;
    const { status, body } = await get(path);
    expect({ path, status }).toEqual({ path, status: 200 });
    const parsed = spec.response?.safeParse(body);
    expect({ path, issues: parsed?.error?.issues ?? [] }).toEqual({ path, issues: [] });
    if (typeof body === 'object' && body !== null && 'rows' in body && Array.isArray(body.rows))
      rowCounts[spec.path] = body.rows.length;
  }
  // The schemas were checked against real rows, not only empty lists; this small seed has no survey answers in the
  // period, so the satisfaction report and its drill-down answer no rows (both are parsed with rows in
  // satisfaction-answers.e2e.spec.ts); no
  // month of the seed is closed, so neither do the late adjustments (their rows are parsed in periods.e2e.spec.ts); the
  // seed sets no commission plan, so no rep has a statement (parsed with rows in commission-statements.e2e.spec.ts).
  // The seed's two months end no quarter, so no rep is evaluated (the evaluations are parsed with rows in
  // evaluations.e2e.spec.ts).
  const emptyHere = [
    '/reports/satisfaction',
    '/reports/satisfaction/answers',
    '/reports/late-adjustments',
    '/reports/commissions',
    '/evaluations',
    '/evaluations/:rep/:quarter',
  ];
  expect(Object.entries(rowCounts).filter(([path, count]) => count === 0 && !emptyHere.includes(path))).toEqual([]);
  expect(Object.keys(rowCounts)).toHaveLength(46);
}, 60_000);
