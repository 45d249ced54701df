import { request } from 'node:http';
import { customerBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

/** A GET from a given loopback address (Linux routes all of 127/8 to lo), with an optional bearer token. */
function getFrom(
  api: TestApi,
  localAddress: string,
  path: string,
  bearer?: string,
): Promise<{ status: number; headers: Record<string, unknown>; body: any }> {
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        localAddress,
        headers: bearer === undefined ? {} : { authorization: `Bearer ${bearer}` },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: text.startsWith('{') ? JSON.parse(text) : text,
          }),
        );
      },
    );
    call.on('error', reject);
    call.end();
  });
}

describe('security headers on every route (abuse 10)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it.each([
    ['GET', '/health', undefined, 200],
    ['GET', '/docs', undefined, 200],
    ['GET', '/docs/openapi.json', undefined, 200],
    ['GET', '/reports/sales/daily?date=2026-02-27', undefined, 401],
    ['GET', '/no/such/route', people.manager, 404],
    ['POST', '/customers', people.rep, 201],
  ])('%s %s carries them', async (method, path, who, status) => {
    const response = await api.call(method, path, {
      ...(who === undefined ? {} : { actor: who }),
      ...(method === 'POST' ? { body: customerBody(`c-${path.length}`) } : {}),
    });
    expect(response.status).toBe(status);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('adds them to the dashboard, whose page keeps its own stricter policy', async () => {
    // The page is there once the dashboard is built (npm test builds it); unbuilt, its 404 carries the API's policy.
    const page = await api.call('GET', '/dashboard');
    expect([200, 404]).toContain(page.status);
    expect(page.headers.get('content-security-policy')).toMatch(
      page.status === 200 ? /^default-src 'none'/ : /^default-src 'self'/,
    );
    expect(page.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('keeps Swagger UI working under the policy: its scripts are files of this origin, not inline', async () => {
    const page = await api.call('GET', '/docs');
    const scripts = [...String(page.body).matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(inline?.trim()).toBe('');
    }
    // `./docs/x.js` from the page `/docs` is `/docs/x.js`.
    const init = /src="\.\/(docs\/swagger-ui-init\.js)"/.exec(String(page.body))?.[1];
    expect(init).toBeDefined();
    expect((await api.call('GET', `/${init ?? ''}`)).status).toBe(200);
  });
});

describe('rate limit per bearer token and per client address (abuse 10)', () => {
  const LIMIT = 4;
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ SALESBOOK_RATE_LIMIT: String(LIMIT) });
  });
  afterAll(() => api.close());

  it('answers 429 RATE_LIMITED with Retry-After once a token or an address is over the limit', async () => {
    const [mine, theirs] = [await api.token(people.manager), await api.token(people.analyst)];
    for (let index = 0; index < LIMIT; index++)
      expect((await getFrom(api, '127.0.0.2', '/health', mine)).status).toBe(200);
    // The same token from another address: over the token's limit.
    const byToken = await getFrom(api, '127.0.0.3', '/health', mine);
    expect(byToken.status).toBe(429);
    expect(byToken.body).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: expect.any(Number) } });
    expect(Number(byToken.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(byToken.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(byToken.headers['content-security-policy']).toBeDefined();
    // Another token from that second address is within both limits.
    expect((await getFrom(api, '127.0.0.3', '/health', theirs)).status).toBe(200);
    // The first address is over its own limit whatever the token, and without one.
    expect((await getFrom(api, '127.0.0.2', '/health', theirs)).status).toBe(429);
    expect((await getFrom(api, '127.0.0.2', '/health')).status).toBe(429);
  });
});
