import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, TEST_NOW, type TestApi } from './testing/test-app.js';
import { verifyDelivery } from './webhooks/signing.js';

// A real receiver on loopback that fails the first two attempts of each delivery (or every attempt while `down`), and
// an API whose clock runs from a chosen instant at real speed, so backoff waits real milliseconds.
interface Received {
  readonly at: number;
  readonly id: string;
  readonly timestamp: number;
  readonly signature: string;
  readonly body: string;
  readonly answered: number;
}
const received: Received[] = [];
let down = false;
let receiver: Server;
let receiverUrl: string;
let virtualBase = Date.parse(TEST_NOW);
let realBase = Date.now();
const clock = () => new Date(virtualBase + (Date.now() - realBase));
const jump = (instant: string) => {
  virtualBase = Date.parse(instant);
  realBase = Date.now();
};

const dir = mkdtempSync(join(tmpdir(), 'salesbook-webhooks-'));
const env = {
  SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
  SALESBOOK_WEBHOOKS: join(dir, 'webhooks.db'),
  SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
  SALESBOOK_WEBHOOK_KEY: 'webhook-key-webhook-key-webhook-key-42',
  SALESBOOK_WEBHOOK_TICK_MS: '20',
  SALESBOOK_WEBHOOK_RETRY_BASE_MS: '200',
  SALESBOOK_WEBHOOK_RETRY_MAX_MS: '400',
  SALESBOOK_WEBHOOK_MAX_ATTEMPTS: '8',
  SALESBOOK_ALERT_WARNING_HOURS: '2',
};
let api: TestApi;
// One log for both processes: closing the first API must not close it (a file store would do the same across real processes).
const shared = createMemoryEventStore();
const store: EventStore = { ...shared, close: async () => undefined };

/** Posts a command; resolves with the position of what it wrote. */
async function post(path: string, body: unknown, who = people.rep): Promise<string> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return String(response.body.position);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let tries = 0; tries < 500; tries += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const webhookStatus = async () =>
  (await api.call('GET', '/projections/status', { actor: people.manager })).body.webhooks;

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const id = String(request.headers['x-salesbook-delivery']);
      const earlier = received.filter((r) => r.id === id).length;
      const answered = down || earlier < 2 ? 500 : 204;
      received.push({
        at: Date.now(),
        id,
        timestamp: Number(request.headers['x-salesbook-timestamp']),
        signature: String(request.headers['x-salesbook-signature']),
        body: Buffer.concat(chunks).toString('utf8'),
        answered,
      });
      response.statusCode = answered;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
  api = await startTestApi(env, clock, { store });
  await post(
    '/webhooks/subscriptions',
    {
      subscriptionId: 'all',
      url: receiverUrl,
      kinds: ['sla_acknowledge_due', 'sla_resolve_due', 'promise_broken', 'approval_waiting', 'order_late'],
    },
    people.manager,
  );
  await post(
    '/webhooks/subscriptions',
    { subscriptionId: 'west-only', url: receiverUrl, kinds: ['approval_waiting'], region: 'west' },
    people.manager,
  );
  await post('/customers', customerBody('c-1'));
  const discounted = orderBody('o-1', 'c-1').lines.map((line) =>
    line.lineId === 'l2' ? { ...line, discountBp: 1_500 } : line,
  );
  await post('/orders', orderBody('o-1', 'c-1', { lines: discounted, promisedDeliveryDate: '2026-03-20' }));
  await post('/complaints', {
    complaintId: 'k-1',
    customerId: 'c-1',
    orderId: 'o-1',
    channel: 'phone',
    category: 'delivery',
    severity: 'high',
    description: 'late',
  });
  await until(
    async () => (await api.call('GET', '/webhooks/subscriptions', { actor: people.manager })).body.subscriptions.length,
    (n) => n === 2,
    'the subscriptions',
  );
  await until(webhookStatus, (s) => s.queuedUntil !== null, 'the first tick');
}, 60_000);
afterAll(async () => {
  await api.close();
  await shared.close();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('webhooks', () => {
  let secret: string;

  it('gives a sales manager the signing secret, and no one else', async () => {
    const answer = await api.call('GET', '/webhooks/subscriptions/all/secret', { actor: people.manager });
    expect(answer.status).toBe(200);
    secret = answer.body.secret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect((await api.call('GET', '/webhooks/subscriptions/all/secret', { actor: people.eastManager })).status).toBe(
      403,
    );
    expect(
      (
        await api.call('POST', '/webhooks/subscriptions', {
          actor: people.eastManager,
          body: { subscriptionId: 'x', url: receiverUrl, kinds: ['order_late'] },
        })
      ).status,
    ).toBe(403);
  });

  it('delivers each alert at least once, signed, retrying with growing waits, and shows it in /projections/status', async () => {
    jump('2026-03-02T09:00:00.000Z');
    const status = await until(webhookStatus, (s) => s.delivered === 2, 'two deliveries');
    expect(status).toMatchObject({
      enabled: true,
      subscriptions: 2,
      pending: 0,
      delivered: 2,
      failed: 0,
      failedAttempts: 4,
      lastFailure: { error: 'HTTP 500' },
    });
    const alerts = new Map<string, string[]>();
    for (const r of received) {
      expect(verifyDelivery(secret, r.signature, r.timestamp, r.id, r.body, Math.floor(clock().getTime() / 1000))).toBe(
        true,
      );
      const parsed = JSON.parse(r.body) as { deliveryId: string; subscriptionId: string; alert: { id: string } };
      expect(parsed).toMatchObject({ deliveryId: r.id, subscriptionId: 'all' });
      alerts.set(parsed.alert.id, [...(alerts.get(parsed.alert.id) ?? []), r.id]);
    }
    // k-1 (high) 2h before its 4h acknowledgement target; o-1's discount waiting a day. None for west-only.
    expect([...alerts.keys()].sort()).toEqual([
      expect.stringMatching(/^approval_waiting:order:o-1:2026-03-01T08:00:/),
      'sla_acknowledge_due:k-1',
    ]);
    for (const [, attempts] of alerts) {
      expect(attempts).toHaveLength(3);
      const times = received.filter((r) => r.id === attempts[0]).map((r) => r.at);
      const [first = 0, second = 0, third = 0] = times;
      // Retry 1 waits 200 ms, retry 2 400 ms (the 20 ms tick adds a little).
      expect(second - first).toBeGreaterThanOrEqual(200);
      expect(third - second).toBeGreaterThanOrEqual(400);
      expect(third - second).toBeGreaterThan(second - first);
    }
  });

  it('refuses a tampered body or an old timestamp', () => {
    const [r] = received;
    if (r === undefined) throw new Error('nothing received');
    expect(verifyDelivery(secret, r.signature, r.timestamp, r.id, `${r.body} `, r.timestamp)).toBe(false);
    expect(verifyDelivery(secret, r.signature, r.timestamp, r.id, r.body, r.timestamp + 3_600)).toBe(false);
  });

  it('loses nothing across an API restart: a delivery failing when it stops is delivered by the next process', async () => {
    down = true;
    const before = received.length;
    // k-1, filed just after 08:00Z on 1 March, has been handled for 70 of its 72 hours just after 06:00Z on 4 March.
    jump('2026-03-04T07:00:00.000Z');
    await until(
      async () => received.length,
      (n) => n > before,
      'a failing attempt',
    );
    await api.close();
    down = false;
    api = await startTestApi(env, clock, { store });
    const status = await until(webhookStatus, (s) => s.delivered === 3, 'the delivery after the restart');
    expect(status).toMatchObject({ pending: 0, failed: 0 });
    const last = received.at(-1);
    expect(last?.answered).toBe(204);
    expect(JSON.parse(last?.body ?? '{}')).toMatchObject({
      alert: { id: 'sla_resolve_due:k-1', fires_at: expect.stringMatching(/^2026-03-04T06:00:/) },
    });
    expect(
      verifyDelivery(
        secret,
        last?.signature ?? '',
        last?.timestamp ?? 0,
        last?.id ?? '',
        last?.body ?? '',
        Math.floor(clock().getTime() / 1000),
      ),
    ).toBe(true);
  }, 30_000);

  it('drops the pending deliveries of a cancelled subscription', async () => {
    down = true;
    const before = received.length;
    // A new order over the rep's discount limit, placed on 4 March, has waited a day by 5 March 09:00Z.
    const discounted = orderBody('o-3', 'c-1').lines.map((line) =>
      line.lineId === 'l2' ? { ...line, discountBp: 1_500 } : line,
    );
    await post('/orders', orderBody('o-3', 'c-1', { lines: discounted, promisedDeliveryDate: '2026-03-20' }));
    // No wait for the read side: a tick between the jump and the projection moves the cursor past the alert, and the
    // dispatcher's look-back must still find it once the order is projected.
    jump('2026-03-05T09:00:00.000Z');
    await until(
      async () => received.length,
      (n) => n > before,
      'a failing attempt for o-3',
    );
    await post('/webhooks/subscriptions/all/cancellation', {}, people.manager);
    const status = await until(webhookStatus, (s) => s.dropped === 1, 'the dropped delivery');
    expect(status).toMatchObject({ subscriptions: 1, pending: 0, dropped: 1 });
    const attempts = received.length;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(received.length).toBe(attempts);
    down = false;
  });
});
