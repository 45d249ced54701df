import { HttpException } from '@nestjs/common';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Actor } from '@salesbook/domain';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import { createSqliteKeyStore, type SqliteKeyStore } from '@salesbook/keystore';
import { allProjections, ProjectionRunner } from '@salesbook/projections';
import { loadConfig } from '../config/config.js';
import { PersonalDataAccess } from '../infrastructure/personal-data-access.js';
import { AnswerCache } from './answer-cache.js';
import { RunReportHandler, RunReportQuery } from './reports.handlers.js';
import { dailySalesReport } from './sales-daily.report.js';

// A real runner on a real read-model file; the "upgrade" is this release's projections with one version bumped.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-rebuilding-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = loadConfig(
  {
    SALESBOOK_JWT_SECRET: 'a-secret-of-at-least-thirty-two-characters',
    SALESBOOK_SURVEY_LINK_SECRET: 'a-survey-link-secret-of-32-characters',
    SALESBOOK_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
  },
  () => 'unused',
);
const manager = Actor.parse({ id: 'sm-1', role: 'sales_manager' });
const ask = async (
  runner: ProjectionRunner,
  db: Database.Database,
  store: EventStore,
  keys: SqliteKeyStore,
): Promise<unknown> => {
  const handler = new RunReportHandler(
    db,
    runner,
    config,
    () => new Date('2026-10-02T00:00:00Z'),
    new AnswerCache(1_048_576),
    store,
    new PersonalDataAccess(keys, () => new Date('2026-10-02T00:00:00Z')),
  );
  const reply = await handler.execute(
    new RunReportQuery(dailySalesReport, { date: '2026-10-01', groupBy: 'rep' }, {}, manager, undefined),
  );
  return JSON.parse(reply.body.toString('utf8')) as unknown;
};

describe('a report whose read model is being rebuilt for a new projection version', () => {
  it('answers 503 READ_MODEL_REBUILDING naming the projection until the rebuild has swapped in, then the report', async () => {
    const store = createMemoryEventStore();
    const keys = createSqliteKeyStore({ path: join(dir, 'keys.db'), masterKey: Buffer.alloc(32, 7) });
    const db = new Database(join(dir, 'readmodels.db'));
    const before = new ProjectionRunner({ db, store, projections: allProjections });
    await before.start();
    await before.whenLive();
    await expect(ask(before, db, store, keys)).resolves.toMatchObject({ rows: [] });
    await before.stop();

    // The next release changed daily_sales: its tables on disk are still the previous version's.
    const upgraded = allProjections.map((projection) =>
      projection.name === 'daily_sales' ? { ...projection, version: projection.version + 1 } : projection,
    );
    const after = new ProjectionRunner({ db, store, projections: upgraded });
    const refused = await ask(after, db, store, keys).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(HttpException);
    expect((refused as HttpException).getStatus()).toBe(503);
    expect((refused as HttpException).getResponse()).toMatchObject({
      code: 'READ_MODEL_REBUILDING',
      details: { projections: ['daily_sales'] },
    });

    await after.start();
    await after.whenLive();
    await expect(ask(after, db, store, keys)).resolves.toMatchObject({ rows: [], stale: false });
    await after.stop();
    db.close();
    await keys.close();
  });
});
