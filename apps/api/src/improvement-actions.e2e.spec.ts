import { commandPoster } from './testing/commands.js';
import { people } from './testing/fixtures.js';
import { actor, startTestApi, type TestApi } from './testing/test-app.js';

// Improvement actions (issue 22 step 5) over real HTTP: managers turn findings into department actions and move them
// on; the actions report lists them by department, overdue first (business dates), each linking back to its finding,
// and each role reads its scope.
let api: TestApi;
const { finance, manager, rep, eastManager, analyst, auditor } = people;
const westManager = actor('rm-west', 'regional_manager', 'west');
const { post, last } = commandPoster(() => api, eastManager);
const get = (path: string, who = manager) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last() } });

const delivery = {
  actionId: 'act-east-delivery',
  title: 'Confirm carrier slots before promising dates',
  finding: {
    report: 'satisfaction',
    metric: 'delivery',
    group: { by: 'region', value: 'east' },
    period: { from: '2026-01', to: '2026-03' },
    value: 3.1,
    previousValue: 3.8,
  },
  department: 'delivery',
  ownerId: 'ops-lead-1',
  dueOn: '2026-04-20',
  region: 'east',
};
const billing = {
  actionId: 'act-billing',
  title: 'Check invoice totals against the order',
  finding: {
    report: 'complaints',
    metric: 'rootCause',
    rootCause: 'billing_error',
    period: { from: '2026-01', to: '2026-03' },
    value: 14,
    previousValue: 6,
  },
  department: 'billing',
  ownerId: 'rep-1',
  dueOn: '2026-05-31',
};

beforeAll(async () => {
  api = await startTestApi({}, () => new Date('2026-04-27T02:00:00.000Z'));
}, 60_000);
afterAll(() => api.close());

describe('opening an action', () => {
  it('is for the sales manager, or a regional manager for their region; the finding is validated', async () => {
    expect((await post('/improvement-actions', billing)).body.code).toBe('FORBIDDEN_SCOPE');
    expect((await post('/improvement-actions', delivery, westManager)).body.code).toBe('FORBIDDEN_SCOPE');
    for (const who of [rep, analyst, finance, auditor])
      expect([who.role, (await post('/improvement-actions', delivery, who)).status]).toEqual([who.role, 403]);
    const freeText = await post('/improvement-actions', { ...delivery, finding: 'deliveries feel slow' });
    expect(freeText.status).toBe(400);
    const unknownMetric = { ...delivery, finding: { ...delivery.finding, metric: 'mood' } };
    expect((await post('/improvement-actions', unknownMetric)).status).toBe(400);
    expect((await post('/improvement-actions', { ...delivery, department: 'legal' })).status).toBe(400);
    expect((await post('/improvement-actions', delivery)).status).toBe(201);
    expect((await post('/improvement-actions', billing, manager)).status).toBe(201);
    const again = await post('/improvement-actions', { ...delivery, dueOn: '2026-06-30' }, manager, {
      'accept-language': 'zh-CN',
    });
    expect([again.status, again.body.code, again.body.message]).toEqual([
      409,
      'ACTION_ALREADY_OPENED',
      '该改进措施编号已用于其他改进措施',
    ]);
  });
});

describe('moving an action on', () => {
  it('goes open -> in progress -> done with notes; refuses a skipped step, a missing action, another region', async () => {
    const status = (id: string) => `/improvement-actions/${id}/status`;
    const skipped = await post(status('act-billing'), { status: 'done', note: 'fixed' }, manager);
    expect([skipped.status, skipped.body.code]).toEqual([409, 'ACTION_TRANSITION_NOT_ALLOWED']);
    expect((await post(status('act-none'), { status: 'done', note: 'x' }, manager)).status).toBe(404);
    expect((await post(status('act-east-delivery'), { status: 'in_progress', note: 'x' }, westManager)).status).toBe(
      403,
    );
    expect((await post(status('act-billing'), { status: 'closed', note: 'x' }, manager)).status).toBe(400);
    expect(
      (await post(status('act-billing'), { status: 'in_progress', note: 'Checklist drafted' }, manager)).status,
    ).toBe(201);
    expect((await post(status('act-billing'), { status: 'done', note: 'Checklist in use' }, manager)).status).toBe(201);
    expect((await post(status('act-east-delivery'), { status: 'in_progress', note: 'Carrier called' })).status).toBe(
      201,
    );
  });
});

describe('the actions report', () => {
  it('lists by department, overdue first, each row linking to its finding; scoped by role', async () => {
    const all = (await get('/reports/improvement-actions')).body;
    expect(all.asOf).toBe('2026-04-27');
    expect(all.rows.map((row: { action_id: string }) => row.action_id)).toEqual(['act-billing', 'act-east-delivery']);
    expect(all.rows[1]).toMatchObject({
      department: 'delivery',
      status: 'in_progress',
      overdue: true,
      days_overdue: 7,
      note: 'Carrier called',
      finding_link: '/reports/satisfaction?from=2026-01&to=2026-03&groupBy=region',
    });
    expect(all.rows[0]).toMatchObject({ status: 'done', overdue: false, region: null, changed_by: 'sm-1' });
    expect(all.departments).toEqual([
      { department: 'billing', open: 0, in_progress: 0, done: 1, dropped: 0, overdue: 0 },
      { department: 'delivery', open: 0, in_progress: 1, done: 0, dropped: 0, overdue: 1 },
    ]);
    const ids = async (path: string, who: typeof manager) =>
      (await get(path, who)).body.rows.map((row: { action_id: string }) => row.action_id);
    expect(await ids('/reports/improvement-actions', eastManager)).toEqual(['act-east-delivery']);
    expect(await ids('/reports/improvement-actions', westManager)).toEqual([]);
    expect(await ids('/reports/improvement-actions', rep)).toEqual(['act-billing']);
    expect(await ids('/reports/improvement-actions', analyst)).toEqual(['act-billing', 'act-east-delivery']);
    expect(await ids('/reports/improvement-actions?department=delivery&status=in_progress', auditor)).toEqual([
      'act-east-delivery',
    ]);
    expect((await get('/reports/improvement-actions?region=west', eastManager)).status).toBe(403);
    expect((await get('/reports/improvement-actions', finance)).status).toBe(403);
    expect((await get('/reports/improvement-actions?department=legal')).status).toBe(400);
  });
});
