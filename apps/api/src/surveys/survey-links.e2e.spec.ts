import { people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';
import { caughtUp, happyAnswer, launchSurveyCampaign, openPage, westRep } from './survey-links.testing.js';

// A launched campaign's links (what is mailed) and reminders (who has not answered), each scoped by role.
let api: TestApi;
const get = (path: string, who = people.manager) => api.call('GET', path, { actor: who });
const ids = (body: { rows: { invitationId: string }[] }) => body.rows.map((row) => row.invitationId);

beforeAll(async () => {
  api = await startTestApi();
  await launchSurveyCampaign(api);
}, 60_000);
afterAll(() => api.close());

describe('survey campaign links', () => {
  it('list one signed link per invitation, expiring at the end of the closing day in the business time zone', async () => {
    const links = await get('/survey-campaigns/q1/links');
    expect(links.status).toBe(200);
    expect(links.body).toMatchObject({
      campaignId: 'q1',
      closesOn: '2026-03-31',
      expiresAt: '2026-03-31T16:00:00.000Z',
    });
    expect(links.body.rows).toEqual([
      {
        invitationId: 'q1.1',
        customerId: 'c-1',
        region: 'east',
        ownerRepId: 'rep-1',
        path: expect.stringMatching(/^\/s\/[\w-]+\.[\w-]+\.[\w-]+$/),
      },
      expect.objectContaining({ invitationId: 'q1.2', customerId: 'c-2', region: 'west', ownerRepId: 'rep-3' }),
      expect.objectContaining({ invitationId: 'q1.3', customerId: 'c-3', region: 'east', ownerRepId: 'rep-1' }),
    ]);
    // The token carries the invitation and the expiry, nothing personal.
    const token = String(links.body.rows[0].path).slice(3);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'sub']);
  });

  it('are scoped by role: a rep their own customers, a regional manager their region; analysts and finance refused', async () => {
    expect(ids((await get('/survey-campaigns/q1/links', people.rep)).body)).toEqual(['q1.1', 'q1.3']);
    expect(ids((await get('/survey-campaigns/q1/links', people.otherRep)).body)).toEqual([]);
    expect(ids((await get('/survey-campaigns/q1/links', westRep)).body)).toEqual(['q1.2']);
    expect(ids((await get('/survey-campaigns/q1/links', people.eastManager)).body)).toEqual(['q1.1', 'q1.3']);
    for (const who of [people.analyst, people.finance, people.auditor]) {
      const refused = await get('/survey-campaigns/q1/links', who);
      expect([refused.status, refused.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    }
    const missing = await get('/survey-campaigns/nope/links');
    expect([missing.status, missing.body.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
    const bad = await get('/survey-campaigns/-bad!/reminders');
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_INPUT']);
  });
});

describe('survey campaign reminders', () => {
  it('list the non-responders of a campaign taking answers, for their owner rep, with the days left', async () => {
    const path = String((await get('/survey-campaigns/q1/links')).body.rows[0].path);
    expect((await openPage(api, path, { method: 'POST', json: happyAnswer })).status).toBe(201);
    await caughtUp(api);
    const all = await get('/survey-campaigns/q1/reminders');
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({
      campaignId: 'q1',
      opensOn: '2026-03-01',
      closesOn: '2026-03-31',
      takingAnswers: true,
    });
    expect(
      all.body.rows.map((row: { invitationId: string; daysLeft: number }) => [row.invitationId, row.daysLeft]),
    ).toEqual([
      ['q1.2', 30],
      ['q1.3', 30],
    ]);
    expect(ids((await get('/survey-campaigns/q1/reminders', people.rep)).body)).toEqual(['q1.3']);
    expect(ids((await get('/survey-campaigns/q1/reminders', westRep)).body)).toEqual(['q1.2']);
    expect(
      ids((await get('/survey-campaigns/q1/reminders', actor('rm-west', 'regional_manager', 'west'))).body),
    ).toEqual(['q1.2']);
  });

  it('follow a reassignment: the new owner reminds the customer', async () => {
    const moved = await api.call('POST', '/customers/c-3/reassignment', {
      actor: people.manager,
      body: { ownerRepId: 'rep-2' },
    });
    expect(moved.status).toBe(201);
    await caughtUp(api);
    expect(ids((await get('/survey-campaigns/q1/reminders', people.rep)).body)).toEqual([]);
    expect(ids((await get('/survey-campaigns/q1/reminders', people.otherRep)).body)).toEqual(['q1.3']);
  });

  it('list nobody once the campaign has closed', async () => {
    const closed = await api.at('2026-04-01T02:00:00.000Z', () => get('/survey-campaigns/q1/reminders'));
    expect([closed.status, closed.body.takingAnswers, closed.body.rows]).toEqual([200, false, []]);
  });
});
