import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Role } from '@salesbook/domain';
import { createSqliteEventStore, type SqliteEventStore } from '@salesbook/eventstore-sqlite';
import { ProjectionThread, type ProjectionHost } from '@salesbook/projections';
import { customerBody, people } from '../testing/fixtures.js';
import { joinTeam, startTestApi, type TestApi } from '../testing/test-app.js';
import type { ReadModelWorkerData } from './read-model-worker.js';
import { readModelWorkerModule } from './read-side.js';
import { PROJECTION_RUNNER } from './tokens.js';

// The API's projections on a thread of their own (SQLite store and read models in files): the real worker module
// (the API's build), real files, real threads, one of them terminated.

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'salesbook-read-model-thread-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const until = async (reached: () => boolean, what: string): Promise<void> => {
  for (let tries = 0; !reached(); tries += 1) {
    if (tries > 400) throw new Error(`never: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

/** `promise`, or a failure after `ms` (a thread that is never woken must fail the test, not hang it). */
const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`not within ${ms} ms: ${what}`)), ms)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
};

describe('through the API', () => {
  /** The store, read models and key store in files of the test's folder. */
  const files = (): Record<string, string> => ({
    SALESBOOK_EVENTSTORE: `sqlite:${join(dir, 'events.db')}`,
    SALESBOOK_READMODELS: join(dir, 'readmodels.db'),
    SALESBOOK_KEYSTORE: join(dir, 'keys.db'),
  });
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi(files(), undefined, { ownStore: true });
  });
  afterEach(() => api.close());

  it('runs the projections on a thread of their own, and a read that asks for a position gets it', async () => {
    const runner = api.app.get<symbol, ProjectionHost>(PROJECTION_RUNNER);
    expect(runner).toBeInstanceOf(ProjectionThread);
    const registered = await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
    expect(registered.status).toBe(201);
    const position = registered.body.position as string;
    const report = await api.call('GET', '/reports/customers/stale-profiles', {
      actor: people.manager,
      headers: { 'x-min-position': position },
    });
    expect(report.status).toBe(200);
    expect(BigInt(report.body.position)).toBeGreaterThanOrEqual(BigInt(position));
    expect(report.body.stale).toBe(false);
    // What the report was answered from is in the API thread's mirror.
    expect(BigInt(runner.freshness('customer_directory').position ?? '0')).toBeGreaterThanOrEqual(BigInt(position));
    const status = await api.call('GET', '/projections/status', { actor: people.manager });
    expect(status.status).toBe(200);
    expect(new Set(status.body.projections.map((projection: { state: string }) => projection.state))).toEqual(
      new Set(['live']),
    );
  });

  it('runs them in process with SALESBOOK_READMODEL_THREAD=off', async () => {
    await api.close();
    api = await startTestApi({ ...files(), SALESBOOK_READMODEL_THREAD: 'off' }, undefined, { ownStore: true });
    expect(api.app.get<symbol, ProjectionHost>(PROJECTION_RUNNER)).not.toBeInstanceOf(ProjectionThread);
  });
});

describe('the thread itself', () => {
  /** Enters `memberId` into the team register: one event, answered with its position. */
  const join_ = async (store: SqliteEventStore, memberId: string, role: Role = 'sales_rep'): Promise<bigint> => {
    await joinTeam(store, role === 'sales_rep' ? { memberId, role, region: 'east' } : { memberId, role });
    const head = await store.headPosition();
    if (head === undefined) throw new Error('nothing stored');
    return head;
  };
  const workerData = (readModelsPath: string): ReadModelWorkerData => ({
    storePath: join(dir, 'events.db'),
    readModelsPath,
    zone: 'Asia/Shanghai',
    liveBatchMs: 5,
    // Once a minute: within these tests, only the wake sent at each commit brings new events in.
    pollIntervalMs: 60_000,
  });

  /** Starts the API's worker module on the test's files, and keeps it in `workers` (to terminate one, or check they ended). */
  const spawnInto = (workers: Worker[]) => (): Worker => {
    const worker = new Worker(readModelWorkerModule(), { workerData: workerData(join(dir, 'readmodels.db')) });
    workers.push(worker);
    return worker;
  };

  it('is woken by each commit, reads as down once its worker dies, and a new worker carries on from the checkpoints', async () => {
    const store = createSqliteEventStore({ path: join(dir, 'events.db') });
    const workers: Worker[] = [];
    const thread = await ProjectionThread.open({
      spawn: spawnInto(workers),
      wakeOn: (wake) => store.onCommit(wake),
      retry: { baseMs: 100, maxMs: 100, random: () => 0 },
    });
    try {
      await thread.start();
      await thread.whenLive();
      const first = await join_(store, 'sm-1', 'sales_manager');
      await within(thread.whenAt('customer_directory', first), 10_000, 'woken by the commit');
      expect(thread.freshness('customer_directory')).toEqual({ position: first.toString(), lag: 0, stale: false });
      const tag = thread.contentTag('customer_directory');

      await workers[0]?.terminate();
      await until(() => thread.downSince() !== undefined, 'the thread reads as down');
      expect(thread.freshness('customer_directory')).toMatchObject({ position: first.toString(), stale: true });
      const down = await thread.status();
      expect(down.every((status) => status.state === 'stalled' && status.retrying !== null)).toBe(true);
      expect(down[0]?.lastError).toMatch(/exited with code 1/);
      expect((await thread.readiness()).ready).toBe(false);

      // Written while no worker runs: the next one reads it from the checkpoints on.
      const second = await join_(store, 'rep-2');
      await until(() => workers.length === 2 && thread.downSince() === undefined, 'a new worker is up');
      await within(thread.whenAt('customer_directory', second), 10_000, 'caught up from the checkpoint');
      expect(thread.freshness('customer_directory').position).toBe(second.toString());
      expect(thread.contentTag('customer_directory')).not.toBe(tag);
      expect((await thread.readiness()).ready).toBe(true);
    } finally {
      await thread.stop();
      await store.close();
    }
    expect(workers.every((worker) => worker.threadId === -1)).toBe(true);
  });

  it('stops while a new worker is being started after a death, and leaves no thread running', async () => {
    const workers: Worker[] = [];
    const thread = await ProjectionThread.open({
      spawn: spawnInto(workers),
      retry: { baseMs: 20, maxMs: 20, random: () => 0 },
    });
    await thread.start();
    await workers[0]?.terminate();
    // The second worker is spawned and not yet up (a worker takes hundreds of ms to load its modules).
    await until(() => workers.length === 2, 'a new worker is spawned');
    expect(thread.downSince()).toBeDefined();
    await within(thread.stop(), 10_000, 'stopped');
    expect(workers.every((worker) => worker.threadId === -1)).toBe(true);
  });

  it("fails to open with the worker's reason when it cannot open the read models", async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    await expect(
      ProjectionThread.open({
        spawn: () => new Worker(readModelWorkerModule(), { workerData: workerData(join(file, 'readmodels.db')) }),
      }),
    ).rejects.toThrow(/EEXIST: file already exists, mkdir/);
  });
});
