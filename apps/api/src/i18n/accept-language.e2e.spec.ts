import { customerBody, orderBody, people } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';

// One request, two languages: the status, code, details and issue paths are the same; the messages follow Accept-Language.
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
}, 60_000);
afterAll(() => api.close());

const han = /\p{Script=Han}/u;
const ZH = { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' };
type Call = Parameters<TestApi['call']>;

/** The same call in English (no header) and in Chinese. */
async function both(method: Call[0], path: Call[1], options: NonNullable<Call[2]> = {}) {
  const en = await api.call(method, path, options);
  const zh = await api.call(method, path, { ...options, headers: { ...options.headers, ...ZH } });
  const shape = (answer: typeof en) => ({
    status: answer.status,
    code: answer.body.code,
    details: answer.body.details,
    paths: answer.body.issues?.map((issue: { in: string; path: unknown[] }) => [issue.in, issue.path]),
  });
  expect(shape(zh)).toEqual(shape(en));
  expect(zh.headers.get('content-language')).toBe('zh-CN');
  expect(en.headers.get('content-language')).toBe('en');
  return { en: en.body, zh: zh.body };
}

it('answers every issue of a bad order in Chinese, field by field, with the English answer unchanged', async () => {
  const lines = [
    { lineId: 'l1', sku: '', description: '', quantity: -1, unitPrice: 1.5, discountBp: 20_000 },
    { lineId: 'l1', sku: 'S', description: 'x', quantity: 'two', unitPrice: 1, discountBp: 0 },
  ];
  const body = { ...orderBody('o-1', 'c-1'), currency: 'XYZ', lines, colour: 'red' };
  const { en, zh } = await both('POST', '/orders', { actor: people.rep, body });
  expect(en.code).toBe('INVALID_INPUT');
  expect(en.issues).toEqual(
    expect.arrayContaining([{ in: 'body', path: ['lines', 0, 'quantity'], message: 'quantity must be > 0' }]),
  );
  expect(zh.issues).toEqual(
    expect.arrayContaining([{ in: 'body', path: ['lines', 0, 'quantity'], message: 'quantity 必须 > 0' }]),
  );
  expect(zh.issues.length).toBeGreaterThanOrEqual(6);
  for (const issue of zh.issues)
    expect({ path: issue.path, han: han.test(issue.message) }).toEqual({ path: issue.path, han: true });
  expect(zh.message).toBe(`请求有 ${zh.issues.length} 处问题`);
});

it('answers bad query, path and headers in Chinese', async () => {
  const query = await both('GET', '/reports/sales/daily?date=2026-13-01&extra=1', { actor: people.manager });
  const path = await both('POST', '/orders/-bad!/confirmation', { actor: people.rep, body: {} });
  const headers = await both('POST', '/orders/o-1/confirmation', {
    actor: people.rep,
    body: {},
    headers: { 'if-match': 'abc', 'idempotency-key': 'no spaces allowed' },
  });
  for (const { zh } of [query, path, headers]) {
    expect(zh.code).toBe('INVALID_INPUT');
    for (const issue of zh.issues)
      expect({ issue: issue.message, han: han.test(issue.message) }).toEqual({ issue: issue.message, han: true });
  }
});

it('answers refusals of the deciders, the roles and the edge in Chinese, codes and details unchanged', async () => {
  const twice = await both('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
  expect([twice.en.code, twice.zh.message]).toEqual(['CUSTOMER_ALREADY_REGISTERED', '该客户已登记']);
  const role = await both('POST', '/customers', { actor: people.analyst, body: customerBody('c-2') });
  expect([role.zh.code, role.zh.message]).toEqual(['ROLE_NOT_ALLOWED', '您的角色无权执行此操作']);
  const anonymous = await both('GET', '/reports/sales/daily?date=2026-03-01');
  expect(anonymous.zh.code).toBe('UNAUTHENTICATED');
  const malformed = await both('POST', '/customers', { actor: people.rep, raw: '{"customerId": ' });
  expect([malformed.zh.code, malformed.zh.message]).toEqual(['MALFORMED_JSON', '请求体不是有效的 JSON']);
  const nowhere = await both('GET', '/no-such-route', { actor: people.manager });
  expect([nowhere.zh.code, nowhere.zh.message]).toEqual(['ROUTE_NOT_FOUND', '没有这个接口']);
  for (const answer of [twice, role, anonymous, malformed, nowhere]) {
    expect(han.test(answer.zh.message)).toBe(true);
    expect(han.test(answer.en.message)).toBe(false);
  }
});

it('speaks English to a client that asks for another language or for none', async () => {
  for (const language of ['fr-FR', 'zh;q=0, en', 'en-GB,zh;q=0.5', '*']) {
    const answer = await api.call('POST', '/customers', {
      actor: people.rep,
      body: customerBody('c-1'),
      headers: { 'accept-language': language },
    });
    expect({ language, message: answer.body.message, lang: answer.headers.get('content-language') }).toEqual({
      language,
      message: expect.not.stringMatching(han),
      lang: 'en',
    });
  }
  const fallback = await api.call('POST', '/customers', {
    actor: people.rep,
    body: customerBody('c-1'),
    headers: { 'accept-language': 'fr, zh-TW;q=0.5' },
  });
  expect(fallback.body.message).toBe('该客户已登记');
});

it('keeps the OpenAPI document in English and states there how messages follow Accept-Language', async () => {
  const document = await api.call('GET', '/docs/openapi.json', { headers: ZH });
  expect(document.status).toBe(200);
  expect(document.body.info.description).toContain("follow the request's Accept-Language");
  expect(han.test(JSON.stringify(document.body))).toBe(false);
});
