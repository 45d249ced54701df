import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASED_PERSONAL_DATA } from '@salesbook/personal-data';
import { startBuiltApi, type BuiltApi } from './testing/built-api.js';
import { filesHolding } from '@salesbook/eventstore/testing';
import { customerBody, orderBody, people } from './testing/fixtures.js';

// Issue 7 over HTTP: the built API on a temp data folder (SQLite event log, read models, key store, its log file,
// development mode's master key), a customer's personal data in every kind of field, erased through the API.
const NAME = 'Quinlan Oyelaran-Vasquez';
const PHONE = '+86 131 5550 7788';
const EMAIL = 'quinlan.oyelaran@erasure-test.example';
const DESCRIPTION = `${NAME} (${EMAIL}) says the crates arrived crushed`;
const COMMENT = `Ask for Quinlan on ${PHONE} before noon`;
const NOTE = `${NAME} promised to pay by Friday, call ${PHONE}`;
const ASKED = `${NAME} lost a day of production over the crushed crates`;
const REJECTED = `Told ${NAME} the contract caps it; reach them at ${EMAIL}`;
const ACTION = `Called ${NAME} back on ${PHONE}; replacement crates agreed`;
const VALUES = [NAME, PHONE, EMAIL, DESCRIPTION, COMMENT, NOTE, ASKED, REJECTED, ACTION, PHONE.replaceAll(' ', '')];
/** Each value as written, upper- and lower-case. */
const VARIANTS = [...new Set(VALUES.flatMap((value) => [value, value.toUpperCase(), value.toLowerCase()]))];

const SECRET = 'erasure-test-secret-erasure-test-secret';
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T02:00:00Z`;
const REPORTS = [
  '/reports/sales/daily?date=2026-03-03&groupBy=rep',
  '/reports/sales/monthly?month=2026-03&groupBy=region',
  '/reports/satisfaction?from=2026-03-01&to=2026-03-31&groupBy=region',
  '/reports/complaints?from=2026-03-01&to=2026-03-31&groupBy=region',
  '/reports/collections/aging?asOf=2026-03-31&groupBy=region',
  '/reports/collections/summary?month=2026-03&groupBy=region',
  '/reports/collections/overdue?asOf=2026-04-30',
  '/reports/customers/stale-profiles?asOf=2026-12-31&months=6',
];

let dir: string;
let data: string;
let api: BuiltApi;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-api-erasure-'));
  data = join(dir, 'data');
  mkdirSync(data);
  api = await startBuiltApi(
    {
      NODE_ENV: 'development',
      SALESBOOK_EVENTSTORE: `sqlite:${join(data, 'events.db')}`,
      SALESBOOK_READMODELS: join(data, 'readmodels.db'),
      SALESBOOK_KEYSTORE: join(data, 'keys.db'),
      SALESBOOK_LOG_LEVEL: 'trace',
    },
    SECRET,
    data,
  );
}, 30_000);
afterAll(async () => {
  await api.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** A command as the system (imports may date their commands), 201 or the test fails; its position. */
async function post(path: string, body: Record<string, unknown>, day: number): Promise<string> {
  const response = await api.call('POST', path, people.system, { ...body, occurredAt: at(day) });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.position as string;
}

/** Every report, as a sales manager reads it once the read models reached `position`, without the position fields. */
async function reports(position: string): Promise<unknown[]> {
  return Promise.all(
    REPORTS.map(async (path) => {
      const response = await api.call('GET', path, people.manager, undefined, { 'x-min-position': position });
      expect([path, response.status, response.body.stale]).toEqual([path, 200, false]);
      const { position: _position, lag: _lag, stale: _stale, minPosition: _minPosition, ...report } = response.body;
      return report;
    }),
  );
}

const history = async (stream: string) =>
  (await api.call('GET', `/audit/streams/${stream}/events`, people.manager)).body;

it('stores personal data encrypted, and after an erasure over HTTP reads it as erased, keeps every report, and leaves it in no file', async () => {
  const register = (id: string, contact: object) => post('/customers', { ...customerBody(id), contact }, 1);
  await register('c-gone', { name: NAME, phone: PHONE, email: EMAIL });
  await register('c-kept', { name: 'Kept Person', phone: '+86 131 0000 0001', email: 'kept@erasure-test.example' });
  await post(
    '/customers/c-gone/surveys',
    {
      surveyId: 's-1',
      period: '2026-03',
      nps: 4,
      csat: 2,
      scores: { productQuality: 2, delivery: 1, service: 3, price: 3 },
      comment: COMMENT,
    },
    2,
  );
  // NPS 4 opened a follow-up: what was done on it is personal data too.
  await post('/customers/c-gone/follow-up-closings', { surveyId: 's-1', actionTaken: ACTION, recovered: true }, 2);
  await post(
    '/orders',
    orderBody('o-gone', 'c-gone', { paymentTerms: { kind: 'advance' }, promisedDeliveryDate: '2026-03-20' }),
    3,
  );
  await post('/orders/o-gone/confirmation', {}, 3);
  await post(
    '/complaints',
    {
      complaintId: 'k-gone',
      customerId: 'c-gone',
      orderId: 'o-gone',
      channel: 'email',
      category: 'delivery',
      severity: 'high',
      description: DESCRIPTION,
    },
    4,
  );
  // A compensation asked for and rejected: both reasons are the complaint's personal data.
  await post('/complaints/k-gone/compensation-request', { amount: 250_000, currency: 'CNY', reason: ASKED }, 4);
  const rejected = await api.call('POST', '/complaints/k-gone/compensation-rejection', people.eastManager, {
    reason: REJECTED,
  });
  expect(rejected.status).toBe(201);
  // The order -> receivable policy opens the receivable from the subscription.
  for (
    let tries = 0;
    (await api.call('GET', '/audit/streams/receivable-o-gone/events', people.system)).status !== 200;
    tries += 1
  ) {
    if (tries > 200) throw new Error('the policy never opened receivable-o-gone');
    await new Promise((wait) => setTimeout(wait, 25));
  }
  const last = await post('/receivables/o-gone/follow-ups', { channel: 'phone', note: NOTE }, 5);
  const before = await reports(last);
  // Every report has the customer's figures in it, so "the same after the erasure" compares numbers, not empty lists.
  expect(before.map((report) => (report as { rows: unknown[] }).rows.length > 0)).toEqual(REPORTS.map(() => true));

  // Encrypted at rest: no file of the data folder (event log and its -wal, read models, key store, log) holds any value...
  for (const value of VARIANTS) expect([value, filesHolding(data, value)]).toEqual([value, []]);
  // ...yet a sales manager reads them back.
  const readable = JSON.stringify([
    await history('customer-c-gone'),
    await history('complaint-k-gone'),
    await history('receivable-o-gone'),
  ]);
  for (const value of [NAME, PHONE, EMAIL, DESCRIPTION, COMMENT, NOTE, ASKED, REJECTED, ACTION])
    expect(readable).toContain(JSON.stringify(value).slice(1, -1));

  const erased = await api.call('POST', '/customers/c-gone/erasure', people.manager, {
    reason: 'data subject request DSR-7',
  });
  expect([erased.status, erased.body]).toEqual([
    201,
    expect.objectContaining({
      streamName: 'customer-c-gone',
      events: ['CustomerPersonalDataForgotten'],
      keyDestroyed: true,
    }),
  ]);
  // A second erasure changes nothing and says so.
  const again = await api.call('POST', '/customers/c-gone/erasure', people.manager, {
    reason: 'data subject request DSR-7',
  });
  expect([again.status, again.body]).toEqual([
    201,
    expect.objectContaining({ revision: erased.body.revision, events: [], keyDestroyed: false }),
  ]);

  expect(await reports(erased.body.position)).toEqual(before);
  const afterwards = [
    await history('customer-c-gone'),
    await history('complaint-k-gone'),
    await history('receivable-o-gone'),
  ];
  for (const value of VARIANTS) expect(JSON.stringify(afterwards)).not.toContain(value);
  expect(afterwards[0].events[0].data.contact).toEqual({
    name: ERASED_PERSONAL_DATA,
    phone: ERASED_PERSONAL_DATA,
    email: ERASED_PERSONAL_DATA,
  });
  expect(afterwards[1].events[0].data.description).toBe(ERASED_PERSONAL_DATA);
  const closing = (afterwards[0].events as { type: string; data: { actionTaken?: string } }[]).find(
    (event) => event.type === 'DetractorFollowUpClosed',
  );
  expect(closing?.data.actionTaken).toBe(ERASED_PERSONAL_DATA);
  const compensation = (afterwards[1].events as { type: string; data: { reason?: string } }[]).filter((event) =>
    event.type.startsWith('ComplaintCompensation'),
  );
  expect(compensation.map((event) => [event.type, event.data.reason])).toEqual([
    ['ComplaintCompensationRequested', ERASED_PERSONAL_DATA],
    ['ComplaintCompensationRejected', ERASED_PERSONAL_DATA],
  ]);
  expect(afterwards[2].events.at(-1).data.note).toBe(ERASED_PERSONAL_DATA);
  const state = await api.call('GET', '/audit/streams/customer-c-gone/state', people.manager);
  expect(state.body.state.contact).toEqual({ name: null, phone: null, email: null });
  // Only that customer: the other one still reads.
  expect((await history('customer-c-kept')).events[0].data.contact.name).toBe('Kept Person');

  expect(await api.stop()).toEqual({ code: null, signal: 'SIGTERM' });
  // The log was written (request lines), so searching it means something.
  expect(readFileSync(api.logFile, 'utf8')).toContain('/customers/c-gone/erasure');
  for (const value of VARIANTS) expect([value, filesHolding(data, value)]).toEqual([value, []]);
}, 60_000);
