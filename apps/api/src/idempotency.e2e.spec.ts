import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, type TestApi } from './testing/test-app.js';

const key = (value: string) => ({ 'idempotency-key': value });

describe('Idempotency-Key binds to its actor, route and body (abuse 3)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
    await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
  });
  afterAll(() => api.close());

  it('answers a repeat of the same command with the first result and writes nothing more', async () => {
    const first = await api.call('POST', '/orders', {
      actor: people.rep,
      body: orderBody('o-1', 'c-1'),
      headers: key('k-repeat'),
    });
    const again = await api.call('POST', '/orders', {
      actor: people.rep,
      body: orderBody('o-1', 'c-1'),
      headers: key('k-repeat'),
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    expect(await api.store.readStream('order-o-1')).toHaveLength(1);
  });

  it('refuses the same key with another body with 422 IDEMPOTENCY_KEY_REUSED, and the second command does not run', async () => {
    await api.call('POST', '/orders', { actor: people.rep, body: orderBody('o-2', 'c-1'), headers: key('k-body') });
    const other = orderBody('o-2', 'c-1', { promisedDeliveryDate: '2026-03-30' });
    const refused = await api.call('POST', '/orders', { actor: people.rep, body: other, headers: key('k-body') });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', details: { boundAt: expect.any(String) } });
    expect(
      (await api.store.readStream('order-o-2')).map(
        (event) => (event.data as { promisedDeliveryDate?: string }).promisedDeliveryDate,
      ),
    ).toEqual(['2026-02-28']);
  });

  it('refuses the same key on another stream or route, so it runs no new command', async () => {
    await api.call('POST', '/orders', { actor: people.rep, body: orderBody('o-3', 'c-1'), headers: key('k-stream') });
    const otherStream = await api.call('POST', '/orders', {
      actor: people.rep,
      body: orderBody('o-4', 'c-1'),
      headers: key('k-stream'),
    });
    const otherRoute = await api.call('POST', '/orders/o-3/confirmation', {
      actor: people.rep,
      body: {},
      headers: key('k-stream'),
    });
    expect([otherStream.status, otherRoute.status]).toEqual([422, 422]);
    expect([otherStream.body.code, otherRoute.body.code]).toEqual(['IDEMPOTENCY_KEY_REUSED', 'IDEMPOTENCY_KEY_REUSED']);
    expect(await api.store.streamExists('order-o-4')).toBe(false);
    expect((await api.store.readStream('order-o-3')).map((event) => event.type)).toEqual(['OrderPlaced']);
  });

  it("keeps two actors' equal keys apart", async () => {
    const mine = await api.call('POST', '/customers', {
      actor: people.rep,
      body: customerBody('c-5'),
      headers: key('k-shared'),
    });
    const theirs = await api.call('POST', '/customers', {
      actor: people.manager,
      body: customerBody('c-6'),
      headers: key('k-shared'),
    });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
  });

  it('treats a reordered but equal body as the same command', async () => {
    const body = orderBody('o-7', 'c-1');
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await api.call('POST', '/orders', { actor: people.rep, body, headers: key('k-order') });
    const again = await api.call('POST', '/orders', {
      actor: people.rep,
      raw: JSON.stringify(reordered, null, 2),
      headers: key('k-order'),
    });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.revision).toBe(first.body.revision);
  });
});

describe('Idempotency-Key across two API instances on one SQLite file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'salesbook-idempotency-'));
  const path = join(folder, 'events.db');
  let first: TestApi;
  let second: TestApi;
  beforeAll(async () => {
    // One event file and one key store file, as two processes of one deployment share them.
    const env = { SALESBOOK_KEYSTORE: join(folder, 'keys.db') };
    first = await startTestApi(env, undefined, { store: createSqliteEventStore({ path }) });
    second = await startTestApi(env, undefined, { store: createSqliteEventStore({ path }) });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses on the second instance a key the first bound to another command', async () => {
    expect(
      (await first.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1'), headers: key('k-x') }))
        .status,
    ).toBe(201);
    const refused = await second.call('POST', '/customers', {
      actor: people.rep,
      body: customerBody('c-2'),
      headers: key('k-x'),
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await second.store.streamExists('customer-c-2')).toBe(false);
    const repeat = await second.call('POST', '/customers', {
      actor: people.rep,
      body: customerBody('c-1'),
      headers: key('k-x'),
    });
    expect([repeat.status, repeat.body.code]).toEqual([201, undefined]);
  });
});
