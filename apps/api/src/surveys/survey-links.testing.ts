import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { actor, ORDERS_PLACED_AT, type TestApi } from '../testing/test-app.js';

/** The west rep of the test team (c-2's owner). */
export const westRep = actor('rep-3', 'sales_rep', 'west');

/** A company name with markup in it: the public page must show it as text. */
export const MARKUP_NAME = `<script>alert("x")</script> & Sons`;

/** A phone or link answer: NPS 9, CSAT 5 (no follow-up opened). */
export const happyAnswer = { nps: 9, csat: 5, scores: { productQuality: 5, delivery: 4, service: 5, price: 4 } };

/** The same answer as the page's form posts it. */
export const happyForm = 'nps=9&csat=5&productQuality=5&delivery=4&service=5&price=4&comment=';

/**
 * Three customers with an order each (c-1 and c-3 of rep-1 in the east, c-3's name with markup; c-2 of rep-3 in the
 * west), and campaign `q1` (taking answers 1-31 March 2026) launched over them: invitations q1.1, q1.2, q1.3.
 */
export async function launchSurveyCampaign(api: TestApi, campaignId = 'q1', opensOn = '2026-03-01'): Promise<void> {
  const post = async (path: string, body: unknown, who = people.rep) => {
    const answer = await api.call('POST', path, { actor: who, body });
    if (answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  };
  if (!(await api.store.streamExists('customer-c-1'))) {
    await post('/customers', customerBody('c-1'));
    await post('/customers', { ...customerBody('c-2'), region: 'west', ownerRepId: 'rep-3' }, westRep);
    await post('/customers', { ...customerBody('c-3'), companyName: MARKUP_NAME });
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-1', 'c-1')));
    await api.at(ORDERS_PLACED_AT, () => post('/orders', { ...orderBody('o-2', 'c-2'), repId: 'rep-3' }, westRep));
    await api.at(ORDERS_PLACED_AT, () => post('/orders', orderBody('o-3', 'c-3')));
    await caughtUp(api);
  }
  const plan = { campaignId, name: campaignId, period: '2026-02', population: { orderedWithinMonths: 3 } };
  await post(
    '/survey-campaigns',
    { ...plan, sample: { kind: 'all' }, opensOn, closesOn: '2026-03-31' },
    people.manager,
  );
  await post(`/survey-campaigns/${campaignId}/launch`, {}, people.manager);
}

/** Waits until the read models have every event written so far. */
export async function caughtUp(api: TestApi): Promise<void> {
  const headers = { 'x-min-position': String(await api.store.headPosition()) };
  await api.call('GET', '/customers', { actor: people.manager, headers });
  await api.call('GET', '/reports/satisfaction?from=2026-03&to=2026-03', { actor: people.manager, headers });
}

/** The public page over HTTP: its status, HTML, and headers. */
export async function openPage(
  api: TestApi,
  path: string,
  options: { method?: 'GET' | 'POST'; form?: string; json?: unknown; language?: string } = {},
): Promise<{ status: number; html: string; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.language !== undefined) headers['accept-language'] = options.language;
  let body: string | undefined;
  if (options.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = options.form;
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${api.url}${path}`, { method: options.method ?? 'GET', headers, body });
  return { status: response.status, html: await response.text(), headers: response.headers };
}
