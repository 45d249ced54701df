import { createMemoryEventStore, StoreUnavailableError, type EventStore } from '@salesbook/eventstore';
import { people } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';
import { switchable, type SwitchableStore } from '../testing/unavailable-store.js';
import { happyForm, launchSurveyCampaign, openPage } from './survey-links.testing.js';

// The public survey page while the event store is away: the same kind of localised page as its other refusals, 503
// with Retry-After, never the API's JSON; and the link works again once the store is back.
let switched: SwitchableStore;
let api: TestApi;
let link: string;
// Appends alone can fail too (a full disk): the invitation is read, the answer is not written.
let appendsRefused = false;
const refused = () => Promise.reject(new StoreUnavailableError('appends refused (test)'));
const ZH = 'zh-CN,zh;q=0.9';

beforeAll(async () => {
  switched = switchable(createMemoryEventStore());
  const store: EventStore = {
    ...switched.store,
    appendToStream: (...args) => (appendsRefused ? refused() : switched.store.appendToStream(...args)),
    appendMany: (...args) => (appendsRefused ? refused() : switched.store.appendMany(...args)),
  };
  api = await startTestApi({}, undefined, { store });
  await launchSurveyCampaign(api);
  const listed = await api.call('GET', '/survey-campaigns/q1/links', { actor: people.manager });
  link = listed.body.rows.find((row: { invitationId: string }) => row.invitationId === 'q1.1').path;
}, 60_000);
afterAll(async () => {
  switched.comeBack();
  appendsRefused = false;
  await api.close();
});

describe('the public survey page while the store is away', () => {
  it('answers a localised page with 503 and Retry-After, for the form and for an answer, then works again', async () => {
    switched.goAway();
    const en = await openPage(api, link);
    expect([en.status, en.headers.get('content-type'), en.headers.get('content-language')]).toEqual([
      503,
      'text/html; charset=utf-8',
      'en',
    ]);
    expect(en.headers.get('retry-after')).toBe('2');
    expect(en.html).toContain('data-refusal="store-unavailable"');
    expect(en.html).toContain('cannot be reached at the moment');
    expect(en.html).not.toContain('STORE_UNAVAILABLE');
    const zh = await openPage(api, link, { method: 'POST', form: happyForm, language: ZH });
    expect([zh.status, zh.headers.get('content-language')]).toEqual([503, 'zh-CN']);
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('暂时无法访问');
    switched.comeBack();
    appendsRefused = true;
    const unwritten = await openPage(api, link, { method: 'POST', form: happyForm, language: ZH });
    expect([unwritten.status, unwritten.headers.get('retry-after')]).toEqual([503, '2']);
    expect(unwritten.html).toContain('data-refusal="store-unavailable"');
    appendsRefused = false;
    const back = await openPage(api, link, { method: 'POST', form: happyForm });
    expect([back.status, back.html]).toEqual([201, expect.stringContaining('Your answers have been recorded')]);
  });
});
