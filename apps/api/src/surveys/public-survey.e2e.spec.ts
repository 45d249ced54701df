import { InvitationId } from '@salesbook/domain';
import { people } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';
import { signSurveyLink } from './survey-link-token.js';
import { happyAnswer, happyForm, launchSurveyCampaign, openPage, westRep } from './survey-links.testing.js';

// The public survey page over real HTTP: one answer per signed link, and a page with its own status for each refusal.
let api: TestApi;
let links: Record<string, string>;
const ZH = 'zh-CN,zh;q=0.9';
const END_OF_MARCH = Date.parse('2026-03-31T16:00:00.000Z') / 1_000;

beforeAll(async () => {
  api = await startTestApi();
  await launchSurveyCampaign(api);
  const listed = await api.call('GET', '/survey-campaigns/q1/links', { actor: people.manager });
  links = Object.fromEntries(
    listed.body.rows.map((row: { invitationId: string; path: string }) => [row.invitationId, row.path]),
  );
}, 60_000);
afterAll(() => api.close());

const link = (invitationId: string): string => links[invitationId] ?? 'missing';

describe('the public survey page', () => {
  it('shows the company name as text and the questions, in English or Chinese by Accept-Language', async () => {
    const en = await openPage(api, link('q1.3'));
    expect([en.status, en.headers.get('content-type'), en.headers.get('content-language')]).toEqual([
      200,
      'text/html; charset=utf-8',
      'en',
    ]);
    expect(en.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(en.html).not.toContain('<script>');
    expect(en.html).toContain('How likely are you to recommend us');
    // Nothing personal beyond the company: no contact, no customer id.
    expect(en.html).not.toMatch(/Li Lei|li\.lei|c-3|q1\.3/);
    const zh = await openPage(api, link('q1.3'), { language: ZH });
    expect([zh.status, zh.headers.get('content-language')]).toEqual([200, 'zh-CN']);
    expect(zh.html).toContain('客户满意度调查');
    expect(zh.html).toContain('产品质量');
    expect(zh.html).toContain('提交');
  });

  it('takes one answer from the form, recorded through the link channel by the system; a second gets 409', async () => {
    const answered = await openPage(api, link('q1.1'), { method: 'POST', form: happyForm });
    expect([answered.status, answered.html]).toEqual([201, expect.stringContaining('Your answers have been recorded')]);
    const [recorded] = (await api.store.readStream('customer-c-1')).slice(-1);
    expect(recorded?.type).toBe('SatisfactionSurveyRecorded');
    expect(recorded?.data).toMatchObject({ surveyId: 'q1', invitationId: 'q1.1', channel: 'link', nps: 9 });
    expect(recorded?.metadata).toMatchObject({ actor: { id: 'survey-link', role: 'system' } });
    const before = await api.store.headPosition();
    const again = await openPage(api, link('q1.1'), { method: 'POST', form: happyForm, language: ZH });
    expect([again.status, again.html]).toEqual([409, expect.stringContaining('此调查已作答')]);
    expect((await openPage(api, link('q1.1'))).status).toBe(409);
    expect(await api.store.headPosition()).toBe(before);
  });

  it('takes a JSON answer checked by the phone answer schema; a bad answer shows the form again with 400', async () => {
    const before = await api.store.headPosition();
    const bad = await openPage(api, link('q1.2'), { method: 'POST', form: happyForm.replace('nps=9', 'nps=11') });
    expect([bad.status, bad.html]).toEqual([400, expect.stringContaining('Please answer every question')]);
    expect(bad.html).toContain('<form method="post">');
    const extra = await openPage(api, link('q1.2'), { method: 'POST', json: { ...happyAnswer, channel: 'phone' } });
    expect(extra.status).toBe(400);
    expect(await api.store.headPosition()).toBe(before);
    const answered = await openPage(api, link('q1.2'), { method: 'POST', json: happyAnswer });
    expect(answered.status).toBe(201);
    // The rep's phone route now finds the invitation answered too: one answer per invitation, whatever the channel.
    const phone = await api.call('POST', '/survey-invitations/q1.2/answer', { actor: westRep, body: happyAnswer });
    expect([phone.status, phone.body.code]).toEqual([409, 'CUSTOMER_SURVEY_ALREADY_ANSWERED']);
  });

  it('refuses a link after the closing day with 410, and before the opening day with 409', async () => {
    const before = await api.store.headPosition();
    // 1 April 00:00 in Shanghai: the links of a campaign closing on 31 March have expired.
    const late = await api.at('2026-03-31T16:00:00.000Z', () =>
      openPage(api, link('q1.3'), { method: 'POST', form: happyForm }),
    );
    expect([late.status, late.html]).toEqual([410, expect.stringContaining('has expired')]);
    expect(await api.store.headPosition()).toBe(before);
    const lastMinute = await api.at('2026-03-31T15:59:00.000Z', () => openPage(api, link('q1.3')));
    expect(lastMinute.status).toBe(200);
    await launchSurveyCampaign(api, 'later', '2026-03-10');
    const early = await openPage(api, `/s/${await signLater()}`, { language: ZH });
    expect([early.status, early.html]).toEqual([409, expect.stringContaining('目前不接受作答')]);
  });

  it('refuses a forged link with 403 whether or not its invitation exists, and a malformed one with 400', async () => {
    const forge = async (invitationId: string) =>
      openPage(
        api,
        `/s/${await signSurveyLink('another-key-another-key-another-key', InvitationId.parse(invitationId), END_OF_MARCH)}`,
      );
    const real = await forge('q1.3');
    const invented = await forge('nope.1');
    expect([real.status, invented.status]).toEqual([403, 403]);
    expect(real.html).toBe(invented.html);
    const token = link('q1.3').slice(3);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'q1.1', aud: 'salesbook-survey-link', exp: END_OF_MARCH }));
    const tampered = await openPage(api, `/s/${header}.${payload.toString('base64url')}.${signature}`);
    expect(tampered.status).toBe(403);
    for (const path of ['/s/not-a-token', '/s/a.b.c', `/s/${token}x%00`]) {
      const malformed = await openPage(api, path, { method: 'POST', form: happyForm });
      expect({ path, status: malformed.status, type: malformed.headers.get('content-type') }).toEqual({
        path,
        status: 400,
        type: 'text/html; charset=utf-8',
      });
    }
  });

  it('is rate-limited per client address like every route', async () => {
    const limited = await startTestApi({ SALESBOOK_RATE_LIMIT: '2' });
    try {
      const statuses = [];
      for (let n = 0; n < 3; n += 1) statuses.push((await openPage(limited, '/s/not-a-token')).status);
      expect(statuses).toEqual([400, 400, 429]);
    } finally {
      await limited.close();
    }
  });
});

/** The link of the first invitation of campaign `later` (opens 10 March), signed as the API signs. */
async function signLater(): Promise<string> {
  const listed = await api.call('GET', '/survey-campaigns/later/links', { actor: people.manager });
  return String(listed.body.rows[0].path).slice(3);
}
