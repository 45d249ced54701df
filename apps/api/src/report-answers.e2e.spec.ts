import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, TEST_NOW, type TestApi } from './testing/test-app.js';

// Reused report answers: kept while the read models they were computed from are unchanged, never staler than a
// fresh query. rep-1 (east) and rep-3 (west) each have a customer; the clock is TEST_NOW (2026-03-01 in Shanghai).
let api: TestApi;
let last = '0';
const westRep = actor('rep-3', 'sales_rep', 'west');
const DAILY = '/reports/sales/daily?date=2026-03-01&groupBy=rep';

async function post(path: string, body: unknown, who = people.manager): Promise<void> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  last = response.body.position;
}

const get = (path: string, who = people.manager, headers: Record<string, string> = {}) =>
  api.call('GET', path, { actor: who, headers: { 'x-min-position': last, ...headers } });
const answerOf = (response: { headers: Headers }): string | null => response.headers.get('x-report-answer');
const groups = (body: { rows: { group: string }[] }): string[] => body.rows.map((row) => row.group);

beforeAll(async () => {
  api = await startTestApi();
  await post('/customers', customerBody('c-1'));
  await post('/customers', { ...customerBody('c-2'), region: 'west', ownerRepId: 'rep-3' });
});
afterAll(() => api.close());

describe('report answers reused while their read models are unchanged', () => {
  it('computes the first answer, then serves the same one again, byte for byte', async () => {
    const first = await get(DAILY);
    const second = await get(DAILY);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([answerOf(first), answerOf(second)]).toEqual(['computed', 'reused']);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('computes afresh once a command changed the read models, and the new answer shows the command', async () => {
    const before = await get(DAILY);
    await post('/orders', orderBody('o-1', 'c-1'), people.rep);
    await post('/orders/o-1/confirmation', {}, people.rep);
    const after = await get(DAILY);
    expect(answerOf(after)).toBe('computed');
    expect(after.body.stale).toBe(false);
    expect(BigInt(after.body.position)).toBeGreaterThan(BigInt(before.body.position));
    const confirmed = (body: { rows: { group: string; orders_confirmed: number }[] }) =>
      body.rows.find((row) => row.group === 'rep-1')?.orders_confirmed ?? 0;
    expect(confirmed(after.body)).toBe(confirmed(before.body) + 1);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
  });

  it('computes afresh on Cache-Control: no-cache, with the same answer', async () => {
    const kept = await get(DAILY);
    const fresh = await get(DAILY, people.manager, { 'cache-control': 'no-cache' });
    expect(answerOf(fresh)).toBe('computed');
    expect(fresh.body).toEqual(kept.body);
  });

  it('answers 304 with no body to If-None-Match of the current ETag, 200 to an old one', async () => {
    const current = await get(DAILY);
    const etag = current.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    // fetch adds Cache-Control: no-cache to a request with If-None-Match unless it has a Cache-Control already.
    const unchanged = await get(DAILY, people.manager, { 'if-none-match': etag, 'cache-control': 'max-age=0' });
    expect(unchanged.status).toBe(304);
    expect(answerOf(unchanged)).toBe('reused');
    const changed = await get(DAILY, people.manager, {
      'if-none-match': 'W/"an-older-answer.0.f"',
      'cache-control': 'max-age=0',
    });
    expect(changed.status).toBe(200);
  });

  it("never hands one reader's answer to another: each rep gets their own rows after the manager's answer was kept", async () => {
    expect(groups((await get(DAILY)).body)).toEqual(['rep-1', 'rep-3']);
    const east = await get(DAILY, people.rep);
    const west = await get(DAILY, westRep);
    expect([answerOf(east), answerOf(west)]).toEqual(['computed', 'computed']);
    expect(groups(east.body)).toEqual(['rep-1']);
    expect(groups(west.body)).toEqual(['rep-3']);
    expect(answerOf(await get(DAILY, westRep))).toBe('reused');
  });

  it('keeps the per-request fields per request: a stale answer says so even when its rows are reused', async () => {
    await get(DAILY);
    const ahead = (BigInt(last) + 1_000n).toString();
    const response = await api.call('GET', DAILY, { actor: people.manager, headers: { 'x-min-position': ahead } });
    expect(response.status).toBe(200);
    expect(answerOf(response)).toBe('reused');
    expect(response.body).toMatchObject({ stale: true, minPosition: ahead });
  }, 10_000);

  it('never reuses an answer measured up to now (a complaints period not yet over); reuses one of a closed period', async () => {
    const open = `/reports/complaints?from=2026-03-01&to=2026-03-31`;
    await get(open);
    const again = await get(open);
    expect(answerOf(again)).toBe('computed');
    expect(again.body.asOf).toBe(TEST_NOW);
    const closed = `/reports/complaints?from=2026-02-01&to=2026-02-28`;
    await get(closed);
    expect(answerOf(await get(closed))).toBe('reused');
  });
  it('gzips an answer of 1 KB or more for a client that accepts gzip (the same bytes unzipped), never for one that does not', async () => {
    for (let i = 0; i < 8; i++) {
      await post('/orders', orderBody(`o-gz-${i}`, 'c-1'), people.rep);
      await post(`/orders/o-gz-${i}/confirmation`, {}, people.rep);
    }
    const ORDERS = '/reports/sales/orders?month=2026-03';
    const bearer = await api.token(people.manager);
    const raw = (
      headers: Record<string, string>,
      path = ORDERS,
    ): Promise<{ encoding: string | undefined; vary: string | undefined; bytes: Buffer }> =>
      new Promise((resolve, reject) => {
        const outgoing = request(
          `${api.url}${path}`,
          { headers: { authorization: `Bearer ${bearer}`, 'x-min-position': last, ...headers } },
          (incoming) => {
            const chunks: Buffer[] = [];
            incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
            incoming.on('end', () =>
              resolve({
                encoding: incoming.headers['content-encoding'],
                vary: incoming.headers['vary'],
                bytes: Buffer.concat(chunks),
              }),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end();
      });
    const plain = await raw({});
    const zipped = await raw({ 'accept-encoding': 'gzip, deflate, br' });
    const refused = await raw({ 'accept-encoding': 'gzip;q=0, identity' });
    expect(plain.bytes.length).toBeGreaterThanOrEqual(1_024);
    expect([plain.encoding, zipped.encoding, refused.encoding]).toEqual([undefined, 'gzip', undefined]);
    expect(gunzipSync(zipped.bytes).equals(plain.bytes)).toBe(true);
    expect(refused.bytes.equals(plain.bytes)).toBe(true);
    expect(zipped.bytes.length).toBeLessThan(plain.bytes.length);
    expect(zipped.vary).toBe('Authorization, Accept-Encoding');
    expect(JSON.parse(plain.bytes.toString('utf8')).rows.length).toBeGreaterThanOrEqual(8);
    // A small answer goes out as it is, gzip accepted or not.
    const small = await raw({ 'accept-encoding': 'gzip' }, '/reports/sales/daily?date=2026-03-01&groupBy=region');
    expect(small.bytes.length).toBeLessThan(1_024);
    expect(small.encoding).toBeUndefined();
  });
});

describe('SALESBOOK_REPORT_CACHE_MB=0', () => {
  it('computes every answer', async () => {
    const uncached = await startTestApi({ SALESBOOK_REPORT_CACHE_MB: '0' });
    try {
      const first = await uncached.call('GET', DAILY, { actor: people.manager });
      const second = await uncached.call('GET', DAILY, { actor: people.manager });
      expect([first.status, second.status]).toEqual([200, 200]);
      expect([answerOf(first), answerOf(second)]).toEqual(['computed', 'computed']);
      expect(second.body).toEqual(first.body);
    } finally {
      await uncached.close();
    }
  });
});
