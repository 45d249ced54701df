import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { filesHolding } from '@salesbook/eventstore/testing';
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
const warnings: string[] = [];
const start = async (): Promise<Demo> => {
  const demo = await startDemo(env(), { seed, host: '127.0.0.1', warn: (line) => warnings.push(line) });
  running.push(demo);
  return demo;
};

const env = () => ({
  SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'data', 'events.db')}`,
  SALESBOOK_READMODELS: join(dir, 'data', 'readmodels.db'),
  SALESBOOK_KEYSTORE: join(dir, 'data', 'keys.db'),
  SALESBOOK_PORT: '0',
  SALESBOOK_LOG_LEVEL: 'silent',
});
// A small history keeps the test quick; `npm start` seeds six months of 240 customers.
const seed = { seed: 7, start: '2026-01-01', months: 2, customers: 24 };

interface Seen {
  head: string;
  report: { position: string; rows: unknown[] };
  contact: { name: string; phone: string; email: string };
}

/** The head, a report, and the contact of the seed's first customer as a sales manager reads it (decrypted). */
async function headAndReport(demo: Demo): Promise<Seen> {
  const ready = await fetch(`${demo.url}/ready`).then(
    (response) => response.json() as Promise<{ details: { eventStore: { head: string } } }>,
  );
  const token = demo.config.jwt.kind === 'secret' ? demo.config.jwt.secret : '';
  const { signToken } = await import('../auth/jwt.js');
  const bearer = await signToken(token, { id: 'sm-01' as never, role: 'sales_manager' });
  const get = (path: string) =>
    fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${bearer}` } }).then((response) => response.json());
  const report = await get('/reports/sales/daily?date=2026-02-10&groupBy=region');
  const store = createSqliteEventStore({ path: join(dir, 'data', 'events.db') });
  // The sales team register comes first in the seed: the first customer's stream follows it.
  const first = (await store.readAll({ maxCount: 500 })).find((event) => event.streamName.startsWith('customer-'));
  await store.close();
  const history = (await get(`/audit/streams/${first?.streamName ?? 'none'}/events?maxCount=1`)) as {
    events: { data: { contact: Seen['contact'] } }[];
  };
  return {
    head: ready.details.eventStore.head,
    report: report as Seen['report'],
    contact: history.events[0]?.data.contact ?? { name: '', phone: '', email: '' },
  };
}

it('seeds an empty store once, serves reports with numbers, and a restart keeps the data without seeding again', async () => {
  const first = await start();
  expect(first.seeded).toEqual(expect.objectContaining({ events: expect.any(Number), from: '2026-01-01' }));
  expect(first.seeded?.events).toBeGreaterThan(300);
  const before = await headAndReport(first);
  expect(before.head).toBe(first.seeded?.head?.toString());
  expect(before.report.rows.length).toBeGreaterThan(0);
  // The seed went through the encrypting codec: a manager reads the contact, no file of the data folder holds it.
  expect(before.contact.email).toMatch(/@/);
  for (const value of Object.values(before.contact)) expect(filesHolding(join(dir, 'data'), value)).toEqual([]);
  expect(existsSync(join(dir, 'data', 'master.key'))).toBe(true);
  await first.app.close();
  running.pop();

  const second = await start();
  expect(second.seeded).toBeUndefined();
  // Same data, contacts still open with the development key file kept beside the data; one warning per start.
  const after = await headAndReport(second);
  expect(after).toEqual(before);
  expect(warnings).toEqual([expect.stringContaining('master.key'), expect.stringContaining('master.key')]);
  await second.app.close();
  running.pop();

  // The policy did not reopen the seeded receivables: the log ends where the seed ended.
  const store = createSqliteEventStore({ path: join(dir, 'data', 'events.db') });
  expect((await store.headPosition())?.toString()).toBe(before.head);
  await store.close();
}, 60_000);
