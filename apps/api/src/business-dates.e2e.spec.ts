import { customerBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

// Shanghai is UTC+8: 2026-03-01T16:30Z is 00:30 on 2 March there, while the UTC date is still 1 March.
const AFTER_SHANGHAI_MIDNIGHT = '2026-03-01T16:30:00.000Z';
const BEFORE_SHANGHAI_MIDNIGHT = '2026-03-01T15:30:00.000Z';

let api: TestApi;
let now = AFTER_SHANGHAI_MIDNIGHT;
beforeAll(async () => {
  api = await startTestApi({ SALESBOOK_TIMEZONE: 'Asia/Shanghai' }, () => new Date(now));
  await post('/customers', customerBody('c-1'), people.rep);
});
afterAll(() => api.close());

async function post(path: string, body: unknown, who = people.finance) {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
}

async function eventOf(stream: string, type: string): Promise<Record<string, unknown>> {
  const response = await api.call('GET', `/audit/streams/${stream}/events`, { actor: people.auditor });
  const events = (response.body as { events: { type: string; data: Record<string, unknown> }[] }).events;
  const found = events.filter((event) => event.type === type).at(-1);
  if (found === undefined) throw new Error(`no ${type} in ${stream}`);
  return found.data;
}

const open = (id: string) =>
  post('/receivables', {
    receivableId: id,
    orderId: `o-${id}`,
    customerId: 'c-1',
    repId: 'rep-1',
    region: 'east',
    amount: { amount: 10_000, currency: 'CNY' },
    issueDate: '2026-02-01',
    dueDate: '2026-02-28',
  });

describe('business dates a receivable command omits', () => {
  it('are the date in SALESBOOK_TIMEZONE (2 March in Shanghai at 16:30 UTC on 1 March), not the UTC date', async () => {
    now = AFTER_SHANGHAI_MIDNIGHT;
    await open('r-1');
    await post('/receivables/r-1/payments', {
      paymentId: 'p-1',
      amount: { amount: 5_000, currency: 'CNY' },
      receivedOn: '2026-02-20',
      method: 'check',
    });
    await post('/receivables/r-1/payment-reversals', { paymentId: 'p-1', reason: 'bounced' });
    await post('/receivables/r-1/follow-ups', { channel: 'phone', note: 'called the buyer' }, people.rep);
    await post('/receivables/r-1/credit-notes', {
      creditNoteId: 'cn-1',
      amount: { amount: 1_000, currency: 'CNY' },
      reason: 'damaged',
    });
    await post('/receivables/r-1/write-off-request', { reason: 'customer insolvent' });
    await post('/receivables/r-1/write-off-approval', {}, people.manager);
    expect(await eventOf('receivable-r-1', 'PaymentReversed')).toMatchObject({ reversedOn: '2026-03-02' });
    expect(await eventOf('receivable-r-1', 'CollectionFollowUpLogged')).toMatchObject({ loggedOn: '2026-03-02' });
    expect(await eventOf('receivable-r-1', 'CreditNoteIssued')).toMatchObject({ creditedOn: '2026-03-02' });
    expect(await eventOf('receivable-r-1', 'ReceivableWrittenOff')).toMatchObject({ writtenOffOn: '2026-03-02' });
  });

  it('are the same calendar day an hour earlier (23:30 in Shanghai), and a date the caller gives is kept', async () => {
    now = BEFORE_SHANGHAI_MIDNIGHT;
    await open('r-2');
    await post('/receivables/r-2/follow-ups', { channel: 'phone', note: 'called the buyer' }, people.rep);
    expect(await eventOf('receivable-r-2', 'CollectionFollowUpLogged')).toMatchObject({ loggedOn: '2026-03-01' });
    await post(
      '/receivables/r-2/follow-ups',
      { channel: 'email', note: 'wrote to the buyer', loggedOn: '2026-02-27' },
      people.rep,
    );
    expect(await eventOf('receivable-r-2', 'CollectionFollowUpLogged')).toMatchObject({ loggedOn: '2026-02-27' });
  });
});
