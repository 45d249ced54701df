import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { startTestApi, TEST_NOW, type TestApi } from './testing/test-app.js';

// Alerts the read models learn of after their moment has passed (an event written with an earlier time than the
// dispatcher's cursor, as another writer or a lagging projection would): each is delivered once per matching
// subscription, and neither a new outbox nor a new subscription is sent what fired before it existed.
const received: Array<{ readonly delivery: string; readonly subscription: string; readonly alert: string }> = [];
let receiver: Server;
let receiverUrl: string;
let virtualBase = Date.parse(TEST_NOW);
let realBase = Date.now();
const clock = () => new Date(virtualBase + (Date.now() - realBase));
const jump = (instant: string) => {
  virtualBase = Date.parse(instant);
  realBase = Date.now();
};

const dir = mkdtempSync(join(tmpdir(), 'salesbook-webhooks-late-'));
const env = {
  SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
  SALESBOOK_WEBHOOKS: join(dir, 'webhooks.db'),
  SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
  SALESBOOK_WEBHOOK_KEY: 'webhook-key-webhook-key-webhook-key-42',
  SALESBOOK_WEBHOOK_TICK_MS: '20',
};
let api: TestApi;

async function post(path: string, body: unknown, who = people.rep): Promise<string> {
  const response = await api.call('POST', path, { actor: who, body });
  if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return String(response.body.position);
}

/** Reads until `done`, for up to 25 s (a few hundred ms on a quiet machine; the test's own timeout is 30 s). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (const deadline = Date.now() + 25_000; Date.now() < deadline;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const webhookStatus = async () =>
  (await api.call('GET', '/projections/status', { actor: people.manager })).body.webhooks;

/** Waits until the read side has applied `position` (the approvals list reads the alerts' source). */
async function projected(position: string): Promise<void> {
  const seen = await api.call('GET', '/approvals', { actor: people.manager, headers: { 'X-Min-Position': position } });
  expect(seen.body.stale).toBe(false);
}

/** An order over the rep's discount limit: its approval has waited a day 24 hours after it was placed. */
const discountedOrder = (orderId: string) =>
  orderBody(orderId, 'c-1', {
    lines: orderBody(orderId, 'c-1').lines.map((line) =>
      line.lineId === 'l2' ? { ...line, discountBp: 1_500 } : line,
    ),
    promisedDeliveryDate: '2026-03-20',
  });

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        subscriptionId: string;
        alert: { id: string };
      };
      received.push({
        delivery: String(request.headers['x-salesbook-delivery']),
        subscription: body.subscriptionId,
        alert: body.alert.id,
      });
      response.statusCode = 204;
      response.end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks`;
  api = await startTestApi(env, clock);
  await post(
    '/webhooks/subscriptions',
    { subscriptionId: 'early', url: receiverUrl, kinds: ['approval_waiting'] },
    people.manager,
  );
  await post('/customers', customerBody('c-1'));
  await until(webhookStatus, (s) => s.queuedUntil !== null && s.subscriptions === 1, 'the first tick');
}, 60_000);
afterAll(async () => {
  await api.close();
  await new Promise((resolve) => receiver.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('webhooks for alerts learnt late', () => {
  it('sends nothing that fired before the outbox began, however late the read models learn of it', async () => {
    // Placed two days before the first tick: its alert fired a day before the outbox existed.
    await projected(await api.at('2026-02-27T08:00:00.000Z', () => post('/orders', discountedOrder('o-0'))));
    jump('2026-03-01T09:00:00.000Z');
    await until(webhookStatus, (s) => s.queuedUntil >= '2026-03-01T09:00:00.000Z', 'a tick after the order');
    await until(webhookStatus, (s) => s.queuedUntil >= '2026-03-01T09:00:00.100Z', 'another tick');
    expect(received).toEqual([]);
  });

  it('delivers, once, an alert whose moment had passed when its event was written', async () => {
    jump('2026-03-04T08:00:00.000Z');
    await until(webhookStatus, (s) => s.queuedUntil >= '2026-03-04T08:00:00.000Z', 'the cursor past the alert');
    // Written at 2 March 08:00Z, after a tick has queued everything up to 4 March: its alert fired on 3 March.
    await projected(await api.at('2026-03-02T08:00:00.000Z', () => post('/orders', discountedOrder('o-1'))));
    await until(
      async () => received.length,
      (n) => n > 0,
      'the late alert',
    );
    await post(
      '/webhooks/subscriptions',
      { subscriptionId: 'late', url: receiverUrl, kinds: ['approval_waiting'] },
      people.manager,
    );
    // More writes make the dispatcher look back again: nothing may be queued twice, nor sent to the new subscription.
    await projected(await post('/customers', customerBody('c-2')));
    jump('2026-03-04T09:00:00.000Z');
    const status = await until(
      webhookStatus,
      (s) => s.subscriptions === 2 && s.queuedUntil >= '2026-03-04T09:00:00.000Z',
      'the second subscription',
    );
    await until(webhookStatus, (s) => s.queuedUntil >= '2026-03-04T09:00:00.100Z', 'another tick');
    expect(received).toEqual([
      {
        delivery: expect.stringMatching(/^[0-9a-f]{32}$/),
        subscription: 'early',
        alert: expect.stringMatching(/^approval_waiting:order:o-1:2026-03-02T08:00:/),
      },
    ]);
    expect(status).toMatchObject({ pending: 0, delivered: 1, failed: 0 });
  });
});
