import type { Role } from '@salesbook/domain';
import { ROUTES } from './routes.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

const ALL: Role[] = [
  'sales_manager',
  'regional_manager',
  'sales_rep',
  'market_analyst',
  'finance',
  'auditor',
  'system',
];
const SALES: Role[] = ['sales_manager', 'regional_manager', 'sales_rep', 'system'];
const MANAGERS: Role[] = ['sales_manager', 'regional_manager', 'system'];
const FINANCE: Role[] = ['finance', 'system'];
/** Sales, satisfaction, complaint and customer reports: everyone but finance (collections reports: everyone). */
const REPORTS: Role[] = ALL.filter((role) => role !== 'finance');
/** The product catalogue and its costs: the sales manager, market analysts and imports. */
const CATALOGUE: Role[] = ['sales_manager', 'market_analyst', 'system'];
/** Price lists: the catalogue's keepers and regional managers (for their region's lists). */
const PRICING: Role[] = ['sales_manager', 'regional_manager', 'market_analyst', 'system'];
/** The pipeline and the forecasts: every report reader and finance, who plans cash on what will be booked. */
const PIPELINE: Role[] = ALL;
/** Market research (estimates, competitor prices): market analysts, the sales manager and imports; nobody else writes it. */
const MARKET_RESEARCH: Role[] = ['sales_manager', 'market_analyst', 'system'];
/** Histories and states: every role but market analysts (reports only); which streams, and masked or not, is tested in audit-personal-data.e2e.spec.ts. */
const AUDIT: Role[] = ALL.filter((role) => role !== 'market_analyst');

/** Who may call each route, written out here (not read from the route table) so the table is checked against it. */
const EXPECTED: Record<string, Role[] | 'public'> = {
  'POST /customers': SALES,
  'POST /customers/:id/profile': SALES,
  'POST /customers/:id/contact': SALES,
  'POST /customers/:id/reassignment': MANAGERS,
  'POST /customers/:id/credit-limit': MANAGERS,
  'POST /customers/:id/surveys': SALES,
  'POST /customers/:id/follow-up-closings': SALES,
  'POST /customers/:id/erasure': MANAGERS,
  'POST /customers/:id/deactivation': MANAGERS,
  'POST /orders': SALES,
  'POST /orders/:id/discount-approval': MANAGERS,
  'POST /orders/:id/confirmation': SALES,
  'POST /orders/:id/amendments': SALES,
  'POST /orders/:id/shipments': SALES,
  'POST /orders/:id/delivery': SALES,
  'POST /orders/:id/cancellation': SALES,
  'POST /orders/:id/closure': SALES,
  'POST /receivables': FINANCE,
  'POST /receivables/:id/payments': FINANCE,
  'POST /receivables/:id/payment-reversals': FINANCE,
  'POST /receivables/:id/credit-notes': FINANCE,
  'POST /receivables/:id/write-off-request': ['finance', ...MANAGERS],
  'POST /receivables/:id/write-off-approval': MANAGERS,
  'POST /receivables/:id/follow-ups': ['finance', ...SALES],
  'POST /receivables/:id/dispute': ['finance', ...SALES],
  'POST /receivables/:id/dispute-resolution': ['finance', ...MANAGERS],
  'POST /complaints': SALES,
  'POST /complaints/:id/assignment': MANAGERS,
  'POST /complaints/:id/acknowledgement': SALES,
  'POST /complaints/:id/investigation': SALES,
  'POST /complaints/:id/awaiting-customer': SALES,
  'POST /complaints/:id/customer-response': SALES,
  'POST /complaints/:id/escalation': SALES,
  'POST /complaints/:id/resolution': SALES,
  'POST /complaints/:id/compensation-request': SALES,
  'POST /complaints/:id/compensation-approval': MANAGERS,
  'POST /complaints/:id/compensation-rejection': MANAGERS,
  'POST /complaints/:id/closure': SALES,
  'POST /complaints/:id/reopening': SALES,
  'POST /targets': MANAGERS,
  'POST /targets/revisions': MANAGERS,
  'POST /targets/splits': MANAGERS,
  'POST /team/members': MANAGERS,
  'POST /team/members/:id/transfer': MANAGERS,
  'POST /team/members/:id/leaving': MANAGERS,
  'GET /team/members': ['sales_manager', 'regional_manager', 'sales_rep', 'market_analyst', 'auditor', 'system'],
  'POST /periods/:id/closure': FINANCE,
  'POST /periods/:id/reopening': ['sales_manager', 'finance'],
  'POST /periods/:id/reopening/approval': ['sales_manager', 'finance'],
  'GET /periods': ALL,
  'POST /monthly-reports': ['regional_manager'],
  'POST /monthly-reports/acceptance': ['sales_manager'],
  'POST /monthly-reports/return': ['sales_manager'],
  'GET /monthly-reports': ['sales_manager', 'regional_manager', 'market_analyst', 'auditor', 'system'],
  'POST /products': CATALOGUE,
  'POST /products/:id/revisions': CATALOGUE,
  'POST /products/:id/standard-costs': CATALOGUE,
  'POST /products/:id/deactivation': CATALOGUE,
  'POST /products/:id/reactivation': CATALOGUE,
  'GET /products': REPORTS,
  'POST /price-lists': PRICING,
  'POST /price-lists/:id/prices': PRICING,
  'POST /price-lists/:id/price-removal': PRICING,
  'POST /price-lists/:id/end': PRICING,
  'GET /price-lists': REPORTS,
  'POST /promotions': PRICING,
  'POST /promotions/:id/approval': ['sales_manager', 'system'],
  'POST /promotions/:id/end': PRICING,
  'GET /promotions': REPORTS,
  // Survey campaigns: planned like promotions, launched by a sales manager; a phone answer by the customer's people.
  'POST /survey-campaigns': PRICING,
  'POST /survey-campaigns/:id/launch': ['sales_manager', 'system'],
  'POST /survey-invitations/:id/answer': SALES,
  // Links and reminders reach customers: the people who contact them (a rep their own, a regional manager their region).
  'GET /survey-campaigns/:id/links': ['sales_manager', 'regional_manager', 'sales_rep'],
  'GET /survey-campaigns/:id/reminders': ['sales_manager', 'regional_manager', 'sales_rep'],
  'GET /survey-campaigns': REPORTS,
  'GET /reports/survey-campaigns/:id': REPORTS,
  'GET /reports/sales/daily': REPORTS,
  'GET /reports/sales/monthly': REPORTS,
  'GET /reports/sales/orders': REPORTS,
  'GET /reports/margins': REPORTS,
  'GET /reports/price-realisation': REPORTS,
  'GET /reports/promotions/:promotionId/effectiveness': REPORTS,
  'GET /reports/forecast': PIPELINE,
  'GET /reports/forecast/accuracy': PIPELINE,
  'GET /reports/reps/:repId/scorecard': ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  'GET /reports/satisfaction': REPORTS,
  'GET /reports/satisfaction/answers': REPORTS,
  'GET /reports/complaints': REPORTS,
  'GET /reports/complaints/rows': REPORTS,
  'GET /reports/customers/stale-profiles': REPORTS,
  'GET /reports/collections/aging': ALL,
  'GET /reports/collections/summary': ALL,
  'GET /reports/collections/overdue': ALL,
  'GET /customers': REPORTS,
  'GET /orders': REPORTS,
  'GET /receivables': ALL,
  'GET /complaints': REPORTS,
  'GET /approvals': ['sales_manager', 'regional_manager'],
  'GET /my-day': ['sales_manager', 'regional_manager', 'sales_rep'],
  'GET /reports/late-adjustments': ALL,
  'GET /audit/streams/:stream/events': AUDIT,
  'GET /audit/streams/:stream/state': AUDIT,
  'GET /audit/personal-data-reads': ['sales_manager', 'auditor'],
  'GET /health': 'public',
  'GET /ready': 'public',
  'GET /projections/status': ['sales_manager', 'auditor', 'system'],
  'GET /reports/supervision': ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  'GET /alerts': ['sales_manager', 'regional_manager', 'sales_rep', 'system'],
  'POST /webhooks/subscriptions': ['sales_manager', 'system'],
  'POST /webhooks/subscriptions/:id/cancellation': ['sales_manager', 'system'],
  'GET /webhooks/subscriptions': ['sales_manager', 'auditor', 'system'],
  'GET /webhooks/subscriptions/:id/secret': ['sales_manager'],
  'POST /commission-plans/:id/versions': ['sales_manager', 'system'],
  'POST /commission-plans/:id/ending': ['sales_manager', 'system'],
  'POST /commission-statements/:id/approval': ['sales_manager'],
  'POST /commission-statements/:id/confirmation': ['finance'],
  'GET /reports/commissions': ['sales_manager', 'regional_manager', 'sales_rep', 'finance', 'auditor', 'system'],
  'POST /forecasts/:id/submissions': ['sales_rep', 'system'],
  'POST /forecasts/:id/adjustments': MANAGERS,
  'GET /forecasts': PIPELINE,
  'POST /opportunities': SALES,
  'POST /opportunities/:id/revisions': SALES,
  'POST /opportunities/:id/stage': SALES,
  'POST /opportunities/:id/loss': SALES,
  'POST /opportunities/:id/quotations': SALES,
  'POST /opportunities/:id/quotation-acceptance': SALES,
  'GET /opportunities': PIPELINE,
  'GET /quotations': PIPELINE,
  'GET /reports/pipeline': PIPELINE,
  'GET /reports/commissions/lines': ['sales_manager', 'regional_manager', 'sales_rep', 'finance', 'auditor', 'system'],
  'GET /reports/rankings': ['sales_manager', 'regional_manager', 'sales_rep', 'market_analyst', 'auditor', 'system'],
  'POST /competitions': ['sales_manager', 'system'],
  'POST /competitions/:id/cancellation': ['sales_manager', 'system'],
  'GET /competitions': ['sales_manager', 'regional_manager', 'sales_rep', 'market_analyst', 'auditor', 'system'],
  'GET /competitions/:id/standings': [
    'sales_manager',
    'regional_manager',
    'sales_rep',
    'market_analyst',
    'auditor',
    'system',
  ],
  'POST /evaluations': ['sales_manager', 'regional_manager'],
  'POST /evaluations/assessment': ['sales_manager', 'regional_manager'],
  'POST /evaluations/finalisation': ['sales_manager', 'regional_manager'],
  'POST /evaluations/acknowledgement': ['sales_rep'],
  'GET /evaluations': ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  'GET /evaluations/:rep/:quarter': ['sales_manager', 'regional_manager', 'sales_rep', 'auditor', 'system'],
  'POST /market/estimates': MARKET_RESEARCH,
  'POST /market/competitor-prices': MARKET_RESEARCH,
  'GET /reports/market-share': ['sales_manager', 'regional_manager', 'market_analyst', 'auditor', 'system'],
  'GET /reports/competitor-prices': REPORTS,
  // Improvement actions: opened and moved on by managers; read by the report readers (a rep the actions they own).
  'POST /improvement-actions': MANAGERS,
  'POST /improvement-actions/:id/status': MANAGERS,
  'GET /reports/improvement-actions': REPORTS,
};

const concrete = (path: string) => path.replace(':id', 'x-1').replace(':stream', 'order-x-1').replace(':repId', 'x-1');

it('the table above covers every route', () => {
  expect(ROUTES.map((route) => `${route.method} ${route.path}`).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.entries(EXPECTED))('%s', (route, allowed) => {
  const [method = 'GET', path = '/'] = route.split(' ');
  it.each(ALL)('as %s', async (role) => {
    // An empty body: an allowed role gets past the guard to validation (400) or the handler (where the access rules
    // may still refuse a record outside its scope: access.e2e.spec.ts); a denied one stops at the guard's 403.
    const response = await api.call(method, concrete(path), {
      actor: actor(`u-${role}`, role, 'east'),
      ...(method === 'POST' ? { body: {} } : {}),
    });
    if (allowed === 'public' || allowed.includes(role)) {
      expect(response.status).not.toBe(401);
      expect(response.body?.code).not.toBe('ROLE_NOT_ALLOWED');
    } else expect([response.status, response.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });
  if (allowed !== 'public') {
    it('without a token', async () => {
      expect((await api.call(method, concrete(path), method === 'POST' ? { body: {} } : {})).status).toBe(401);
    });
  }
});
