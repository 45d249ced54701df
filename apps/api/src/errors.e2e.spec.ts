import { request } from 'node:http';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SALESBOOK_BODY_LIMIT_BYTES: '4096' });
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
});
afterAll(() => api.close());

const headCount = async () => (await api.store.readAll()).length;

describe('bad input is a 400 with every issue, and writes nothing', () => {
  it('lists each zod issue with where and path, unknown fields included', async () => {
    const before = await headCount();
    const body = {
      ...orderBody('o-1', 'c-1'),
      lines: [{ lineId: 'l1', sku: 'S', description: 'x', quantity: -1, unitPrice: 1.5, discountBp: 0 }],
      colour: 'red',
    };
    const response = await api.call('POST', '/orders', { actor: people.rep, body });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('INVALID_INPUT');
    expect(response.body.issues).toEqual(
      expect.arrayContaining([
        { in: 'body', path: ['lines', 0, 'quantity'], message: 'quantity must be > 0' },
        expect.objectContaining({ in: 'body', path: ['lines', 0, 'unitPrice'] }),
        { in: 'body', path: [], message: 'Unrecognized key: "colour"' },
      ]),
    );
    expect(await headCount()).toBe(before);
  });

  it('refuses malformed JSON, a missing body, a bad path id, bad query and bad headers', async () => {
    const malformed = await api.call('POST', '/customers', { actor: people.rep, raw: '{"customerId": ' });
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
    const missing = await api.call('POST', '/customers/c-1/contact', { actor: people.rep });
    expect([missing.status, missing.body.issues[0].in]).toEqual([400, 'body']);
    const badId = await api.call('POST', '/orders/-bad!/confirmation', { actor: people.rep, body: {} });
    expect(badId.body.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'params', path: ['id'] })]),
    );
    const badQuery = await api.call('GET', '/reports/sales/daily?date=2026-13-01&extra=1', { actor: people.manager });
    expect(badQuery.body.issues.map((issue: { path: string[] }) => issue.path[0] ?? '')).toEqual(
      expect.arrayContaining(['date', '']),
    );
    const badHeaders = await api.call('POST', '/orders/o-1/confirmation', {
      actor: people.rep,
      body: {},
      headers: { 'if-match': 'abc', 'idempotency-key': 'no spaces allowed' },
    });
    expect(badHeaders.body.issues.map((issue: { path: string[] }) => issue.path[0])).toEqual([
      'idempotency-key',
      'if-match',
    ]);
    const contradicting = await api.call('POST', '/orders/o-1/confirmation', {
      actor: people.rep,
      body: { orderId: 'o-2' },
    });
    expect(contradicting.body.issues[0]).toEqual({
      in: 'body',
      path: ['orderId'],
      message: 'orderId must be left out or equal the id in the path',
    });
  });

  it('refuses a body on a GET, even valid JSON, and a path that is not validly percent-encoded', async () => {
    const url = new URL(api.url);
    const token = await api.token(people.manager);
    const answer = await new Promise<{ status: number; body: { code: string; issues: unknown[] } }>(
      (resolve, reject) => {
        const body = JSON.stringify({ date: '2026-03-01' });
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'GET',
            path: '/reports/sales/daily?date=2026-03-01',
            headers: {
              authorization: `Bearer ${token}`,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(body),
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect([answer.status, answer.body.code, answer.body.issues]).toEqual([
      400,
      'INVALID_INPUT',
      [{ in: 'body', path: [], message: 'a GET request takes no body' }],
    ]);
    const badPath = await api.call('GET', '/audit/streams/customer-%E0%A4%A/state', { actor: people.manager });
    expect([badPath.status, badPath.body.code, badPath.body.issues]).toEqual([
      400,
      'INVALID_INPUT',
      [{ in: 'params', path: [], message: 'the path is not validly percent-encoded' }],
    ]);
  });

  it('answers 413 for a body above the limit', async () => {
    const response = await api.call('POST', '/customers', {
      actor: people.rep,
      raw: JSON.stringify({ companyName: 'x'.repeat(10_000) }),
    });
    expect([response.status, response.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  });
});

describe('refusals', () => {
  it('404 for unknown ids and routes, 409 with the domain code for business rules', async () => {
    const unknown = await api.call('POST', '/orders/nope/confirmation', { actor: people.manager, body: {} });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'ORDER_NOT_FOUND']);
    // A rep gets the answer of an order outside their scope: an id tells them nothing.
    const unknownToRep = await api.call('POST', '/orders/nope/confirmation', { actor: people.rep, body: {} });
    expect([unknownToRep.status, unknownToRep.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
    expect((await api.call('GET', '/nowhere', { actor: people.rep })).body.code).toBe('ROUTE_NOT_FOUND');
    const again = await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
    expect([again.status, again.body.code]).toEqual([409, 'CUSTOMER_ALREADY_REGISTERED']);
  });

  it('401 without or with a bad token, 403 for a role the route does not list or a rule on authority', async () => {
    expect((await api.call('POST', '/customers', { body: customerBody('c-9') })).status).toBe(401);
    const forged = await api.call('GET', '/projections/status', {
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30.x' },
    });
    expect([forged.status, forged.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    const auditor = await api.call('POST', '/customers', { actor: people.auditor, body: customerBody('c-9') });
    expect([auditor.status, auditor.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const otherRep = await api.call('POST', '/customers/c-1/contact', {
      actor: people.otherRep,
      body: { contact: customerBody('x').contact },
    });
    expect([otherRep.status, otherRep.body.code]).toEqual([403, 'FORBIDDEN_SCOPE']);
  });

  it('lets only the system role set occurredAt', async () => {
    const body = { ...customerBody('c-2'), occurredAt: '2025-06-01T00:00:00Z' };
    expect((await api.call('POST', '/customers', { actor: people.rep, body })).body.code).toBe('OCCURRED_AT_FORBIDDEN');
    expect((await api.call('POST', '/customers', { actor: people.system, body })).status).toBe(201);
    const [event] = await api.store.readStream('customer-c-2');
    expect(event?.metadata['occurredAt']).toBe('2025-06-01T00:00:00Z');
  });
});

describe('retries and concurrency', () => {
  it('appends once for two sends with the same Idempotency-Key and returns the first result', async () => {
    const send = () =>
      api.call('POST', '/orders', {
        actor: people.rep,
        body: orderBody('o-7', 'c-1'),
        headers: { 'idempotency-key': 'place-o-7' },
      });
    const first = await send();
    const second = await send();
    expect(first.status).toBe(201);
    expect(second.body).toEqual(first.body);
    expect(await api.store.readStream('order-o-7')).toHaveLength(1);
  });

  it('refuses a stale If-Match with 409 and accepts the current revision', async () => {
    await api.call('POST', '/orders', { actor: people.rep, body: orderBody('o-8', 'c-1') });
    const stale = await api.call('POST', '/orders/o-8/cancellation', {
      actor: people.rep,
      body: { reason: 'x' },
      headers: { 'if-match': '5' },
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'STREAM_REVISION_CONFLICT']);
    const current = await api.call('POST', '/orders/o-8/cancellation', {
      actor: people.rep,
      body: { reason: 'x' },
      headers: { 'if-match': '"0"' },
    });
    expect([current.status, current.body.revision]).toEqual([201, 1]);
  });
});
