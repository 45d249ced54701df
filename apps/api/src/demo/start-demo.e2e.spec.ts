import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { startDemo, type Demo } from './start-demo.js';

let dir: string;
const running: Demo[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-demo-'));
});
afterAll(async () => {
  for (const demo of running) await demo.app.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});
const start = async (): Promise<Demo> => {
  const demo = await startDemo(env(), { seed, host: '127.0.0.1' });
  running.push(demo);
  return demo;
};

const env = () => ({ SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'data', 'events.db')}`, SALESBOOK_READMODELS: join(dir, 'data', 'readmodels.db'), SALESBOOK_PORT: '0', SALESBOOK_LOG_LEVEL: 'silent' });
// A small history keeps the test quick; `npm start` seeds six months of 240 customers.
const seed = { seed: 7, start: '2026-01-01', months: 2, customers: 24 };

async function headAndReport(demo: Demo): Promise<{ head: string; report: { position: string; rows: unknown[] } }> {
  const ready = await fetch(`${demo.url}/ready`).then((response) => response.json() as Promise<{ details: { eventStore: { head: string } } }>);
  const token = demo.config.jwt.kind === 'secret' ? demo.config.jwt.secret : '';
  const { signToken } = await import('../auth/jwt.js');
  const bearer = await signToken(token, { id: 'sm-01' as never, role: 'sales_manager' });
  const report = await fetch(`${demo.url}/reports/sales/daily?date=2026-02-10&groupBy=region`, { headers: { authorization: `Bearer ${bearer}` } }).then((response) => response.json());
  return { head: ready.details.eventStore.head, report: report as { position: string; rows: unknown[] } };
}

it('seeds an empty store once, serves reports with numbers, and a restart keeps the data without seeding again', async () => {
  const first = await start();
  expect(first.seeded).toEqual(expect.objectContaining({ events: expect.any(Number), from: '2026-01-01' }));
  expect(first.seeded?.events).toBeGreaterThan(300);
  const before = await headAndReport(first);
  expect(before.head).toBe(first.seeded?.head?.toString());
  expect(before.report.rows.length).toBeGreaterThan(0);
  await first.app.close();
  running.pop();

  const second = await start();
  expect(second.seeded).toBeUndefined();
  const after = await headAndReport(second);
  expect(after).toEqual(before);
  await second.app.close();
  running.pop();

  // The policy did not reopen the seeded receivables: the log ends where the seed ended.
  const store = createSqliteEventStore({ path: join(dir, 'data', 'events.db') });
  expect((await store.headPosition())?.toString()).toBe(before.head);
  await store.close();
}, 60_000);
