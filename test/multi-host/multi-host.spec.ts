import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createMemoryEventStore } from '@salesbook/eventstore';
import { startTestPostgres, type TestPostgres } from '@salesbook/keystore/testing';
import { allProjections, ProjectionRunner } from '@salesbook/projections';
import { ensureBuilt, packageTarget } from '../support/ensure-built.js';
import { startApiProcess, startDoubleProcess, type ApiProcess, type Child } from './processes.js';

// Two API processes with separate data folders (as on two hosts) share only the EventStoreDB double and PostgreSQL,
// each in processes of their own; the double is killed and started again in the middle of the load.
const SECRET = 'multi-host-test-secret-of-32-characters!';
const MASTER_KEY = Buffer.alloc(32, 9).toString('base64');
const manager = { id: 'sm-1', role: 'sales_manager' };
const rep = { id: 'rep-1', role: 'sales_rep', region: 'east' };
const system = { id: 'system', role: 'system' };
// The sales team register the people above act under: a sales manager first (an empty register takes only one).
const team = [
  { memberId: 'sm-1', role: 'sales_manager', joinedOn: '2020-01-01' },
  { memberId: 'rep-1', role: 'sales_rep', region: 'east', joinedOn: '2020-01-01' },
];
const contact = { name: 'Li Lei', phone: '+8613800000000', email: 'li.lei@example.cn' };
const customer = (customerId: string) => ({
  customerId,
  companyName: `Company ${customerId}`,
  contact,
  region: 'east',
  segment: 'smb',
  ownerRepId: 'rep-1',
});
const order = (orderId: string, customerId: string) => ({
  orderId,
  customerId,
  repId: 'rep-1',
  currency: 'CNY',
  lines: [{ lineId: 'l1', sku: 'SKU-1', description: 'Widget', quantity: 10, unitPrice: 1_000, discountBp: 0 }],
  promisedDeliveryDate: '2099-12-31',
  paymentTerms: { kind: 'advance' },
});

let dir: string;
let pg: TestPostgres;
let double: Child & { readonly port: number };
let apis: ApiProcess[] = [];
const logFile = (): string => join(dir, 'esdb-log.json');
interface SavedEvent {
  readonly streamName: string;
  readonly type: string;
}
const saved = (): SavedEvent[] => (JSON.parse(readFileSync(logFile(), 'utf8')) as { events: SavedEvent[] }).events;
const count = (events: readonly SavedEvent[], streamName: string, type: string): number =>
  events.filter((event) => event.streamName === streamName && event.type === type).length;
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));
async function until(what: string, check: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(200);
  }
}

beforeAll(async () => {
  ensureBuilt(['domain', 'eventstore', 'eventstore-esdb', 'keystore', 'projections'].map(packageTarget), [
    '@salesbook/api',
  ]);
  dir = mkdtempSync(join(tmpdir(), 'salesbook-multi-host-'));
  pg = await startTestPostgres();
  double = await startDoubleProcess(0, logFile());
  for (const host of ['a', 'b']) {
    mkdirSync(join(dir, host));
    const env = {
      SALESBOOK_EVENTSTORE: `esdb://127.0.0.1:${double.port}?tls=false`,
      SALESBOOK_KEYSTORE: pg.url,
      SALESBOOK_MASTER_KEY: MASTER_KEY,
      SALESBOOK_READMODELS: join(dir, host, 'readmodels.db'),
      SALESBOOK_TIMEZONE: 'Asia/Shanghai',
      // The load and the probes all come from one address with one token: the per-client rate limit is not under test.
      SALESBOOK_RATE_LIMIT: '0',
    };
    apis.push(await startApiProcess(env, SECRET, join(dir, host)));
  }
}, 180_000);
afterAll(async () => {
  for (const api of apis) await api.kill();
  apis = [];
  await double?.kill();
  await pg?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** One instance's load: place and confirm its own orders until told to stop; what was acknowledged (201). */
async function load(
  api: ApiProcess,
  prefix: string,
  running: () => boolean,
): Promise<{ placed: string[]; confirmed: string[]; refused: number; slowestMs: number }> {
  const placed: string[] = [];
  const confirmed: string[] = [];
  let refused = 0;
  let slowestMs = 0;
  // Both commands count: the outage may fall on either (a confirmation held until the store is back, or refused).
  const timed = async (path: string, body: unknown): Promise<boolean> => {
    const started = performance.now();
    const answer = await api.call('POST', path, rep, body).catch(() => undefined);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    if (answer?.status === 201) return true;
    refused += 1;
    return false;
  };
  for (let n = 0; running(); n += 1) {
    const orderId = `${prefix}-${n}`;
    if (!(await timed('/orders', order(orderId, `c-${n % 3}`)))) {
      await sleep(100);
      continue;
    }
    placed.push(orderId);
    if (await timed(`/orders/${orderId}/confirmation`, {})) confirmed.push(orderId);
  }
  return { placed, confirmed, refused, slowestMs };
}

it('two API processes on separate folders keep every acknowledged command once through a store restart, agree on every read model, and honour an erasure made on the other', async () => {
  const [a, b] = apis;
  if (a === undefined || b === undefined) throw new Error('two instances expected');
  // Entered through one instance, the register governs the other at once: it lives in the shared store.
  for (const member of team) expect((await a.call('POST', '/team/members', system, member)).status).toBe(201);
  for (let n = 0; n < 3; n += 1)
    expect((await (n % 2 === 0 ? a : b).call('POST', '/customers', rep, customer(`c-${n}`))).status).toBe(201);

  let running = true;
  const loads = [load(a, 'oa', () => running), load(b, 'ob', () => running)];
  await until(
    'some orders are written through both',
    async () => saved().filter((event) => event.type === 'OrderConfirmed').length >= 6,
  );
  await double.kill();
  await sleep(2_000);
  double = await startDoubleProcess(double.port, logFile());
  const afterRestart = saved().filter((event) => event.type === 'OrderConfirmed').length;
  await until(
    'orders are written again after the restart',
    async () => saved().filter((event) => event.type === 'OrderConfirmed').length >= afterRestart + 6,
  );
  running = false;
  const [fromA, fromB] = await Promise.all(loads);
  const placed = [...(fromA?.placed ?? []), ...(fromB?.placed ?? [])];
  const confirmed = [...(fromA?.confirmed ?? []), ...(fromB?.confirmed ?? [])];
  // The store was really away under load: commands were refused, or held until it came back (the client may wait for
  // the reconnection rather than fail: then a command took most of the 2 s outage), and both policies lost their
  // subscription.
  const refused = (fromA?.refused ?? 0) + (fromB?.refused ?? 0);
  const slowestMs = Math.max(fromA?.slowestMs ?? 0, fromB?.slowestMs ?? 0);
  expect(refused > 0 || slowestMs >= 1_500).toBe(true);
  // pino writes the policies' warnings asynchronously: wait for them rather than read the logs once.
  const logOf = (host: string): string => readFileSync(join(dir, host, 'api.log'), 'utf8');
  await until(
    'both policies have logged their lost subscription',
    async () => ['a', 'b'].every((host) => logOf(host).includes('subscription down')),
    10_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; logs: ${JSON.stringify({ a: logOf('a'), b: logOf('b') })}`);
  });

  let lastReady: unknown;
  const ready = async (api: ApiProcess): Promise<boolean> => {
    const reply = await api.call('GET', '/ready', manager);
    lastReady = reply.body;
    return reply.status === 200;
  };
  await until('both instances are ready again', async () => (await ready(a)) && (await ready(b))).catch(
    (error: Error) => {
      throw new Error(`${error.message}; last /ready: ${JSON.stringify(lastReady)}`);
    },
  );
  await until('every confirmed order has its receivable', async () =>
    confirmed.every((orderId) => count(saved(), `receivable-${orderId}`, 'ReceivableOpened') === 1),
  );
  const events = saved();
  for (const orderId of placed)
    expect([orderId, count(events, `order-${orderId}`, 'OrderPlaced')]).toEqual([orderId, 1]);
  for (const orderId of confirmed)
    expect([
      orderId,
      count(events, `order-${orderId}`, 'OrderConfirmed'),
      count(events, `receivable-${orderId}`, 'ReceivableOpened'),
    ]).toEqual([orderId, 1, 1]);
  // No order was placed, confirmed or invoiced twice, acknowledged or not.
  for (const streamName of new Set(events.map((event) => event.streamName)))
    for (const type of ['OrderPlaced', 'OrderConfirmed', 'ReceivableOpened'])
      expect(count(events, streamName, type)).toBeLessThanOrEqual(1);

  // The erasure through one instance holds on the other at once: no key cache outlives it.
  const read = async (api: ApiProcess) =>
    (await api.call('GET', '/audit/streams/customer-c-0/events', manager)).body.events[0].data.contact;
  expect(await read(b)).toEqual(contact);
  expect(
    (await a.call('POST', '/customers/c-0/erasure', manager, { reason: 'data subject request DSR-9' })).status,
  ).toBe(201);
  expect((await read(b)).name).not.toBe(contact.name);
  expect(JSON.stringify(await read(b))).not.toContain('Li Lei');

  const head = await a.call('GET', '/projections/status', manager);
  const position = head.body.projections[0].head as string;
  for (const api of [a, b])
    expect(
      (
        await api.call('GET', '/reports/sales/daily?date=2026-12-06&groupBy=rep', manager, undefined, {
          'x-min-position': position,
        })
      ).body.stale,
    ).toBe(false);
  for (const api of apis) await api.stop();
  apis = [];
  const digests = ['a', 'b'].map((host) => {
    const db = new Database(join(dir, host, 'readmodels.db'));
    const runner = new ProjectionRunner({ db, store: createMemoryEventStore(), projections: allProjections });
    const found = allProjections.map((projection) => [projection.name, runner.digest(projection.name)]);
    db.close();
    return found;
  });
  expect(digests[0]).toEqual(digests[1]);
  expect(placed.length).toBeGreaterThanOrEqual(12);
}, 300_000);
