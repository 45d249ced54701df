import { customerBody, people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

// The closed loop over HTTP: unhappy answers open follow-ups, reps see theirs on "my day", managers the overdue
// ones of their scope, closing them is refused in every way the rules say, and the satisfaction report counts them.
let api: TestApi;
let last = '0';
const westManager = actor('rm-west', 'regional_manager', 'west');
const westRep = actor('rep-3', 'sales_rep', 'west');
const ACTION = 'Called Li Lei back on his mobile; replaced the dented cartons';
// 2026-03-02 is a Monday; 10:00 in Shanghai.
const MONDAY = '2026-03-02T02:00:00.000Z';
const scores = { productQuality: 3, delivery: 2, service: 3, price: 3 };

async function post(path: string, body: unknown, who = people.rep, at = MONDAY): Promise<void> {
  const response = await api.at(at, () => api.call('POST', path, { actor: who, body }));
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position;
}

const close = (
  customerId: string,
  body: Record<string, unknown>,
  who = people.rep,
  headers: Record<string, string> = {},
) =>
  api.at('2026-03-03T08:00:00.000Z', () =>
    api.call('POST', `/customers/${customerId}/follow-up-closings`, { actor: who, body, headers }),
  );

const myDay = async (who: typeof people.rep, at: string): Promise<string[]> => {
  const response = await api.at(at, () =>
    api.call('GET', '/my-day', { actor: who, headers: { 'X-Min-Position': last } }),
  );
  if (response.status !== 200)
    throw new Error(`my-day as ${who.id}: ${response.status} ${JSON.stringify(response.body)}`);
  return (
    response.body.detractorFollowUps.items as {
      customerId: string;
      surveyId: string;
      dueOn: string;
      overdue: boolean;
    }[]
  ).map((item) => `${item.customerId}/${item.surveyId} due ${item.dueOn}${item.overdue ? ' overdue' : ''}`);
};

const closedLoop = async (who: typeof people.rep, groupBy = '', at = '2026-03-05T02:00:00.000Z') => {
  const response = await api.at(at, () =>
    api.call('GET', `/reports/satisfaction?from=2026-03&to=2026-03${groupBy}`, {
      actor: who,
      headers: { 'X-Min-Position': last },
    }),
  );
  if (response.status !== 200)
    throw new Error(`satisfaction as ${who.id}: ${response.status} ${JSON.stringify(response.body)}`);
  return (response.body.rows as { group: string | null; closedLoop: unknown }[]).map((row) => [
    row.group,
    row.closedLoop,
  ]);
};

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'));
  await post('/customers', { ...customerBody('c-2'), ownerRepId: 'rep-2' }, people.otherRep);
  await post('/customers', { ...customerBody('c-3'), region: 'west', ownerRepId: 'rep-3' }, westRep);
  await post('/customers/c-1/surveys', { surveyId: 's-1', period: '2026-02', nps: 3, csat: 2, scores });
  await post('/customers/c-1/surveys', { surveyId: 's-2', period: '2026-02', nps: 9, csat: 5, scores });
  await post(
    '/customers/c-2/surveys',
    { surveyId: 's-1', period: '2026-02', nps: 8, csat: 2, scores },
    people.otherRep,
  );
  await post('/customers/c-3/surveys', { surveyId: 's-1', period: '2026-02', nps: 5, csat: 4, scores }, westRep);
}, 60_000);
afterAll(() => api.close());

describe('follow-ups of unhappy answers', () => {
  it('opens one with each unhappy answer, in the same append, and none with a content one', async () => {
    const events = await api.store.readStream('customer-c-1');
    expect(events.map((event) => event.type)).toEqual([
      'CustomerRegistered',
      'SatisfactionSurveyRecorded',
      'DetractorFollowUpOpened',
      'SatisfactionSurveyRecorded',
    ]);
    expect(events[2]?.metadata['commandId']).toBe(events[1]?.metadata['commandId']);
  });

  it("shows a rep their open ones on my day, due two business days later, and the overdue ones in managers' inboxes", async () => {
    expect(await myDay(people.rep, '2026-03-03T02:00:00.000Z')).toEqual(['c-1/s-1 due 2026-03-04']);
    expect(await myDay(people.otherRep, '2026-03-05T02:00:00.000Z')).toEqual(['c-2/s-1 due 2026-03-04 overdue']);
    expect(await myDay(people.eastManager, '2026-03-04T02:00:00.000Z')).toEqual([]);
    expect(await myDay(people.eastManager, '2026-03-05T02:00:00.000Z')).toEqual([
      'c-1/s-1 due 2026-03-04 overdue',
      'c-2/s-1 due 2026-03-04 overdue',
    ]);
    expect(await myDay(westManager, '2026-03-05T02:00:00.000Z')).toEqual(['c-3/s-1 due 2026-03-04 overdue']);
    expect(await myDay(people.manager, '2026-03-05T02:00:00.000Z')).toHaveLength(3);
  });

  it('refuses closings outside the rules, in English and Chinese', async () => {
    expect([
      (await close('c-1', { surveyId: 's-1', actionTaken: ACTION, recovered: true }, people.otherRep)).body.code,
    ]).toEqual(['FORBIDDEN_SCOPE']);
    expect((await close('c-1', { surveyId: 's-1', actionTaken: ACTION, recovered: true }, people.analyst)).status).toBe(
      403,
    );
    const noAction = await close('c-1', { surveyId: 's-1', recovered: true }, people.rep, {
      'Accept-Language': 'zh-CN',
    });
    expect([noAction.status, noAction.body.code, noAction.body.message]).toEqual([
      409,
      'CUSTOMER_FOLLOW_UP_ACTION_REQUIRED',
      '关闭回访须填写采取的措施',
    ]);
    const content = await close('c-1', { surveyId: 's-2', actionTaken: ACTION, recovered: true });
    expect([content.status, content.body.code]).toEqual([404, 'CUSTOMER_FOLLOW_UP_NOT_FOUND']);
    const bad = await close('c-1', { surveyId: 's-1', actionTaken: ACTION, recovered: 'yes' });
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_INPUT']);
  });

  it('closes once with what was done, sealed in the store; a repeat is a no-op, a different closing is refused', async () => {
    const closed = await close('c-1', { surveyId: 's-1', actionTaken: ACTION, recovered: true });
    expect([closed.status, closed.body.events]).toEqual([201, ['DetractorFollowUpClosed']]);
    last = closed.body.position;
    expect((await close('c-1', { surveyId: 's-1', actionTaken: ACTION, recovered: true })).body.events).toEqual([]);
    expect((await close('c-1', { surveyId: 's-1', actionTaken: ACTION, recovered: false })).body.code).toBe(
      'CUSTOMER_FOLLOW_UP_ALREADY_CLOSED',
    );
    const stored = (await api.store.readStream('customer-c-1')).at(-1);
    expect(stored?.type).toBe('DetractorFollowUpClosed');
    expect(JSON.stringify(stored?.data)).not.toContain('Li Lei');
    const history = await api.call('GET', '/audit/streams/customer-c-1/events', { actor: people.manager });
    expect(history.body.events.at(-1).data).toMatchObject({ actionTaken: ACTION, recovered: true, closedBy: 'rep-1' });
    expect(await myDay(people.rep, '2026-03-05T02:00:00.000Z')).toEqual([]);
  });

  it('counts the closed loop in the satisfaction report, scoped by role', async () => {
    // east: c-1/s-1 closed and recovered after 30 h (Mon 02:00 -> Tue 08:00), c-2/s-1 open; west: c-3/s-1 open.
    // On Thursday 5 March both open ones are past their due date (Wednesday 4th), as the managers' inboxes say.
    const open = { closed: 0, recovered: 0, open: 1, overdue: 1, rate: 0, recoveryRate: null, meanHoursToClose: null };
    expect(await closedLoop(people.manager, '&groupBy=region')).toEqual([
      [
        'east',
        { opened: 2, closed: 1, recovered: 1, open: 1, overdue: 1, rate: 0.5, recoveryRate: 1, meanHoursToClose: 30 },
      ],
      ['west', { opened: 1, ...open }],
    ]);
    expect(await closedLoop(people.rep)).toEqual([
      [
        null,
        { opened: 1, closed: 1, recovered: 1, open: 0, overdue: 0, rate: 1, recoveryRate: 1, meanHoursToClose: 30 },
      ],
    ]);
    expect(await closedLoop(westManager)).toEqual([[null, { opened: 1, ...open }]]);
    expect(await closedLoop(people.otherRep)).toEqual([[null, { opened: 1, ...open }]]);
  });

  it('counts an open follow-up as overdue only after its due date, on the business date of the request', async () => {
    const region = async (at: string) =>
      (await closedLoop(people.manager, '&groupBy=region', at)).map(([group, loop]) => {
        const { open, overdue } = loop as { open: number; overdue: number };
        return [group, open, overdue];
      });
    // Due Wednesday 4 March: not overdue that day (even at 23:30 in Shanghai), overdue from Thursday.
    expect(await region('2026-03-04T15:30:00.000Z')).toEqual([
      ['east', 1, 0],
      ['west', 1, 0],
    ]);
    expect(await region('2026-03-04T16:30:00.000Z')).toEqual([
      ['east', 1, 1],
      ['west', 1, 1],
    ]);
  });

  it('lists the answers behind the open and overdue counts through their drill-down links', async () => {
    const thursday = '2026-03-05T02:00:00.000Z';
    const get = (path: string, at: string) =>
      api.at(at, () => api.call('GET', path, { actor: people.manager, headers: { 'X-Min-Position': last } }));
    const report = await get('/reports/satisfaction?from=2026-03&to=2026-03&groupBy=region', thursday);
    const east = (report.body.rows as { group: string; drillDown: Record<string, string> }[]).find(
      (row) => row.group === 'east',
    );
    const answers = async (link: string | undefined, at = thursday): Promise<string[]> =>
      ((await get(link ?? '', at)).body.rows as { customer_id: string; survey_id: string }[]).map(
        (row) => `${row.customer_id}/${row.survey_id}`,
      );
    expect(east?.drillDown['followUpsOpen']).toBe(
      '/reports/satisfaction/answers?from=2026-03&to=2026-03&region=east&followUp=open',
    );
    expect(await answers(east?.drillDown['followUpsOpen'])).toEqual(['c-2/s-1']);
    expect(await answers(east?.drillDown['followUpsOverdue'])).toEqual(['c-2/s-1']);
    expect(await answers(east?.drillDown['followUpsOverdue'], '2026-03-04T02:00:00.000Z')).toEqual([]);
  });
});
