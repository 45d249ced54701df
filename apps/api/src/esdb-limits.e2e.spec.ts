import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEsdbEventStore } from '@salesbook/eventstore-esdb';
// The wire-level EventStoreDB double of the test workspace, taught EventStoreDB's limits and failures.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startEsdbDouble, type EsdbDouble } from '../../../test/support/esdb-double/index.js';
import { createApp } from './bootstrap.js';
import { loadConfig } from './config/config.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import {
  startTestApi,
  TEST_JWT_SECRET,
  TEST_MASTER_KEY,
  TEST_SURVEY_LINK_SECRET,
  type TestApi,
} from './testing/test-app.js';

const RETRY = { attempts: 3, baseDelayMs: 20 };
const DAILY = '/reports/sales/daily?date=2026-03-01&groupBy=rep';
let double: EsdbDouble;
let dir: string;
let api: TestApi;

beforeAll(async () => {
  double = await startEsdbDouble();
  dir = mkdtempSync(join(tmpdir(), 'salesbook-esdb-limits-'));
  api = await startTestApi({ SALESBOOK_READMODELS: join(dir, 'readmodels.db') }, undefined, {
    store: createEsdbEventStore({ connectionString: double.connectionString, retry: RETRY }),
  });
});
afterAll(async () => {
  await api.close();
  await double.stop();
  rmSync(dir, { recursive: true, force: true });
});

const until = async (what: string, check: () => Promise<boolean>, ms = 20_000): Promise<void> => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((wait) => setTimeout(wait, 100));
  }
};
const written = (streamName: string): number => double.log.stream(streamName)?.length ?? 0;

it('a command met by NotLeader is sent again to the leader, answered 201 and written once', async () => {
  double.injectFault('append', 'not-leader');
  const response = await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-leader') });
  expect(response.status).toBe(201);
  expect(written('customer-c-leader')).toBe(1);
});

it('a command whose commit timed out after writing is acknowledged once, not written twice', async () => {
  double.injectFault('append', 'commit-timeout');
  const response = await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-timeout') });
  expect(response.status).toBe(201);
  expect(written('customer-c-timeout')).toBe(1);
});

it.each([
  ['en', 'a store is unavailable; try again in 2 s'],
  ['zh-CN', '存储暂时不可用，请在 2 秒后重试'],
])('a store still unavailable after the retries answers 503 with Retry-After (%s)', async (language, message) => {
  double.injectFault('append', 'unavailable', RETRY.attempts);
  const response = await api.call('POST', '/customers', {
    actor: people.rep,
    body: customerBody(`c-down-${language}`),
    headers: { 'accept-language': language },
  });
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('2');
  expect(response.body).toMatchObject({ code: 'STORE_UNAVAILABLE', message, details: { retryAfterSeconds: 2 } });
  expect(written(`customer-c-down-${language}`)).toBe(0);
});

it('subscriptions the server drops resubscribe by themselves, counting nothing twice', async () => {
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-drop') });
  const ordersCounted = async (): Promise<number> => {
    const report = await api.call('GET', DAILY, { actor: people.manager });
    return (report.body.rows as { orders_confirmed: number }[]).reduce((sum, row) => sum + row.orders_confirmed, 0);
  };
  for (const n of [1, 2]) {
    expect(
      (
        await api.call('POST', '/orders', {
          actor: people.rep,
          body: orderBody(`o-drop-${n}`, 'c-drop', { paymentTerms: { kind: 'advance' } }),
        })
      ).status,
    ).toBe(201);
    expect((await api.call('POST', `/orders/o-drop-${n}/confirmation`, { actor: people.rep, body: {} })).status).toBe(
      201,
    );
    await until(
      'every read model is live and counted the order',
      async () => (await api.call('GET', '/ready')).status === 200 && (await ordersCounted()) === n,
    );
    expect(double.dropSubscriptions(n === 1 ? 'not-ready' : 'ended')).toBeGreaterThan(0);
  }
  await until('every subscription is back', async () => (await api.call('GET', '/ready')).status === 200, 30_000);
  await until(
    'the policy opened both receivables',
    async () => written('receivable-o-drop-1') > 0 && written('receivable-o-drop-2') > 0,
  );
  expect(await ordersCounted()).toBe(2);
  expect(
    double.log.all.filter(
      (event) => event.type === 'ReceivableOpened' && event.streamName.startsWith('receivable-o-drop-'),
    ),
  ).toHaveLength(2);
}, 60_000);

it('refuses to start on a server older than 23.10, saying why', async () => {
  const old = await startEsdbDouble({ serverVersion: '23.6.0' });
  try {
    const config = loadConfig(
      {
        SALESBOOK_EVENTSTORE: old.connectionString,
        SALESBOOK_READMODELS: ':memory:',
        SALESBOOK_JWT_SECRET: TEST_JWT_SECRET,
        SALESBOOK_SURVEY_LINK_SECRET: TEST_SURVEY_LINK_SECRET,
        SALESBOOK_LOG_LEVEL: 'silent',
        SALESBOOK_KEYSTORE: ':memory:',
        SALESBOOK_MASTER_KEY: TEST_MASTER_KEY,
      },
      () => TEST_JWT_SECRET,
    );
    await expect(createApp(config)).rejects.toThrow(
      'EventStoreDB 23.6.0 is not supported: Salesbook needs 23.10 or later',
    );
  } finally {
    await old.stop();
  }
});
