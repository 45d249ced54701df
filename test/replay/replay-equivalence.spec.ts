import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, RecordedEvent } from '@salesbook/eventstore';
import { createSqliteEventStore } from '@salesbook/eventstore-sqlite';
import { salesbookEventRegistry } from '@salesbook/domain';
import { seedStore } from '@salesbook/generator';
import { allProjections, ProjectionRunner, type Projection, type Row, type TableSpec } from '@salesbook/projections';
import Database from 'better-sqlite3';
import { appendSurveyCampaign } from './survey-campaign-events.js';

// A rebuild folds each batch in memory and writes each changed row once (packages/projections, RowStore). These
// tests hold it to the plain meaning of a projection on generated history: every event's writes applied in order.

async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (
    let page = await store.readAll({ maxCount: 1_000 });
    page.length > 0;
    page = await store.readAll({ after: page.at(-1)?.position ?? 0n, maxCount: 1_000 })
  ) {
    events.push(...page);
  }
  return events;
}

/** A row as text with the table's columns in order, the way both sides are compared. */
const rowText = (spec: TableSpec, row: Row): string =>
  JSON.stringify(Object.keys(spec.columns).map((column) => row[column]));
const keyOf = (spec: TableSpec, row: Row): string =>
  JSON.stringify(spec.primaryKey.map((column) => String(row[column])));

/** The projection applied one event at a time to plain maps: the tables as sorted row texts. */
function foldInMemory(projection: Projection, events: readonly RecordedEvent[]): Map<string, string[]> {
  const tables = new Map(projection.tables.map((spec) => [spec.name, new Map<string, Row>()]));
  const rows = { get: (spec: TableSpec, key: Row) => tables.get(spec.name)?.get(keyOf(spec, key)) };
  for (const event of events) {
    for (const write of projection.project(event, rows as never, { zone: 'Asia/Shanghai' })) {
      const table = tables.get(write.table.name);
      if (write.kind === 'upsert') table?.set(keyOf(write.table, write.row), write.row);
      else table?.delete(keyOf(write.table, write.key));
    }
  }
  return new Map(
    projection.tables.map((spec) => [
      spec.name,
      [...(tables.get(spec.name)?.values() ?? [])].map((row) => rowText(spec, row)).sort(),
    ]),
  );
}

/** A receivable paid late into a closed month (the generated history closes no month, so the late adjustments need one). */
async function appendLatePayment(store: EventStore): Promise<void> {
  const common = {
    receivableId: 'inv-late-1',
    orderId: 'o-late-1',
    customerId: 'c-late-1',
    repId: 'rep-east-01',
    region: 'east',
    currency: 'CNY',
  };
  const installments = [{ installmentNo: 1, dueDate: '2025-02-28', amount: 5_000 }];
  const opened = {
    ...common,
    outstanding: 5_000,
    amount: 5_000,
    issueDate: '2025-01-10',
    dueDate: '2025-02-28',
    installments,
    openedAt: '2025-01-10T02:00:00Z',
  };
  const allocations = [{ installmentNo: 1, dueDate: '2025-02-28', amount: 5_000, outstandingAfter: 0 }];
  const paid = {
    ...common,
    outstanding: 0,
    paymentId: 'p-late-1',
    amount: 5_000,
    method: 'bank_transfer',
    receivedOn: '2025-01-31',
    postedOn: '2025-02-03',
    installmentNo: null,
    allocations,
    recordedAt: '2025-02-03T02:00:00Z',
  };
  const event = (eventId: string, type: string, data: object, occurredAt: string) => ({
    eventId,
    type,
    data: JSON.parse(JSON.stringify(data)),
    metadata: { occurredAt, schemaVersion: 1 },
  });
  await store.appendToStream('receivable-inv-late-1', [
    event('30000000-0000-4000-8000-000000000001', 'ReceivableOpened', opened, '2025-01-10T02:00:00Z'),
    event('30000000-0000-4000-8000-000000000002', 'PaymentReceived', paid, '2025-02-03T02:00:00Z'),
  ]);
}

/** Two opportunities (one won by a quotation, one revised with an override and lost) and an adjusted forecast, beside the generated ones. */
async function appendPipelineAndForecasts(store: EventStore): Promise<void> {
  let n = 0;
  const event = (type: string, data: object, occurredAt: string) => {
    n += 1;
    return {
      eventId: `32000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type,
      data: JSON.parse(JSON.stringify(data)),
      metadata: { occurredAt, schemaVersion: 1 },
    };
  };
  const opened = (opportunityId: string, at: string) => ({
    opportunityId,
    customerId: 'c-pipe-1',
    repId: 'rep-east-01',
    region: 'east',
    segment: 'smb',
    title: opportunityId,
    amount: 100_005,
    currency: 'CNY',
    expectedCloseMonth: '2026-04',
    stage: 'qualified',
    probabilityBp: 2_000,
    overridden: false,
    openedBy: 'rep-east-01',
    openedAt: at,
  });
  const line = { lineId: 'l1', sku: 'P-1', description: 'Pump', quantity: 3, unitPrice: 1_001, discountBp: 0 };
  const won = { opportunityId: 'opp-r1', quotationId: 'q-r1', orderId: 'q-r1' };
  await store.appendToStream('opportunity-opp-r1', [
    event('OpportunityOpened', opened('opp-r1', '2026-01-05T02:00:00Z'), '2026-01-05T02:00:00Z'),
    event(
      'OpportunityStageMoved',
      {
        opportunityId: 'opp-r1',
        from: 'qualified',
        to: 'negotiation',
        probabilityBp: 7_500,
        overridden: false,
        movedBy: 'rep-east-01',
        movedAt: '2026-01-06T02:00:00Z',
      },
      '2026-01-06T02:00:00Z',
    ),
    event(
      'QuotationSent',
      {
        opportunityId: 'opp-r1',
        quotationId: 'q-r1',
        currency: 'CNY',
        lines: [line],
        total: 3_003,
        validUntil: '2026-01-31',
        promisedDeliveryDate: '2026-02-28',
        paymentTerms: { kind: 'net', days: 30 },
        sentBy: 'rep-east-01',
        sentAt: '2026-01-07T02:00:00Z',
      },
      '2026-01-07T02:00:00Z',
    ),
    event(
      'QuotationAccepted',
      { ...won, acceptedOn: '2026-01-08', acceptedBy: 'rep-east-01', acceptedAt: '2026-01-08T02:00:00Z' },
      '2026-01-08T02:00:00Z',
    ),
    event(
      'OpportunityWon',
      { ...won, from: 'negotiation', amount: 3_003, wonBy: 'rep-east-01', wonAt: '2026-01-08T02:00:00Z' },
      '2026-01-08T02:00:00Z',
    ),
  ]);
  await store.appendToStream('opportunity-opp-r2', [
    event('OpportunityOpened', opened('opp-r2', '2026-01-05T03:00:00Z'), '2026-01-05T03:00:00Z'),
    event(
      'OpportunityRevised',
      {
        opportunityId: 'opp-r2',
        amount: 300_000,
        expectedCloseMonth: '2026-05',
        probabilityBp: 3_333,
        overridden: true,
        revisedBy: 'rep-east-01',
        revisedAt: '2026-01-09T02:00:00Z',
      },
      '2026-01-09T02:00:00Z',
    ),
    event(
      'OpportunityLost',
      {
        opportunityId: 'opp-r2',
        from: 'qualified',
        reason: 'price',
        note: null,
        lostBy: 'rep-east-01',
        lostAt: '2026-01-10T02:00:00Z',
      },
      '2026-01-10T02:00:00Z',
    ),
  ]);
  const figures = {
    repId: 'rep-east-01',
    region: 'east',
    month: '2026-02',
    currency: 'CNY',
    commit: 100_000,
    bestCase: 150_000,
  };
  await store.appendToStream('forecast-rep-east-01', [
    event(
      'ForecastSubmitted',
      { ...figures, submittedBy: 'rep-east-01', submittedAt: '2026-01-10T02:00:00Z' },
      '2026-01-10T02:00:00Z',
    ),
    event(
      'ForecastAdjusted',
      {
        ...figures,
        commit: 80_000,
        repCommit: 100_000,
        repBestCase: 150_000,
        reason: 'slips',
        adjustedBy: 'rm-east',
        adjustedAt: '2026-01-11T02:00:00Z',
      },
      '2026-01-11T02:00:00Z',
    ),
    event(
      'ForecastSubmitted',
      { ...figures, commit: 120_000, submittedBy: 'rep-east-01', submittedAt: '2026-01-12T02:00:00Z' },
      '2026-01-12T02:00:00Z',
    ),
  ]);
}

const tablesOf = (db: Database.Database, projection: Projection): Map<string, string[]> =>
  new Map(
    projection.tables.map((spec) => [
      spec.name,
      (db.prepare(`SELECT * FROM ${spec.name}`).all() as Row[]).map((row) => rowText(spec, row)).sort(),
    ]),
  );

describe('replay of every projection, folded per batch', () => {
  let dir: string;
  let store: EventStore;
  let events: RecordedEvent[];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'replay-equivalence-'));
    store = createSqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'NORMAL' });
    await seedStore(store, {
      seed: 20250101,
      months: 4,
      events: 6_000,
      validateCommands: false,
      eventsPerAppend: 1_000,
    });
    await appendLatePayment(store);
    // The generator makes no webhook subscriptions (a manager's configuration, not sales activity): two, one cancelled.
    const at = '2026-01-15T08:00:00.000Z';
    const metadata = { occurredAt: at, schemaVersion: 1 };
    const subscribed = (subscriptionId: string) => ({
      subscriptionId,
      url: `https://hooks.example.com/${subscriptionId}`,
      kinds: ['order_late'],
      region: null,
      subscribedBy: 'sm-01',
      subscribedAt: at,
    });
    await store.appendToStream('webhook-ops', [
      { eventId: '31000000-0000-4000-8000-000000000001', type: 'WebhookSubscribed', data: subscribed('ops'), metadata },
    ]);
    await store.appendToStream('webhook-old', [
      { eventId: '31000000-0000-4000-8000-000000000002', type: 'WebhookSubscribed', data: subscribed('old'), metadata },
      {
        eventId: '31000000-0000-4000-8000-000000000003',
        type: 'WebhookSubscriptionCancelled',
        data: { subscriptionId: 'old', cancelledBy: 'sm-01', cancelledAt: at },
        metadata,
      },
    ]);
    // Nor commission plans (the sales manager's pay policy): one, so statements have a plan to replay.
    const plan = {
      planId: 'all',
      version: 1,
      effectiveFrom: '2025-01',
      name: 'plan',
      covers: { kind: 'regions', ids: ['east', 'west', 'north', 'south'] },
      currency: 'CNY',
      tiers: [{ fromBps: 0, rateBps: 200 }],
      accelerators: [],
      clawback: { writeOffs: true, creditNotes: false },
      replaces: null,
      setBy: 'sm-01',
      setAt: at,
    };
    await store.appendToStream('commission-plans', [
      { eventId: '31000000-0000-4000-8000-000000000004', type: 'CommissionPlanVersionSet', data: plan, metadata },
    ]);
    // Nor competitions (the sales manager's announcements): one announced, one called off.
    const competition = (competitionId: string) => ({
      competitionId,
      name: competitionId,
      period: '2026-Q2',
      metric: 'csat',
      scope: 'all',
      prize: 'a trophy',
      startsOn: '2026-04-01',
      endsOn: '2026-06-30',
      createdBy: 'sm-01',
      createdAt: at,
    });
    await store.appendToStream('competition-q2', [
      {
        eventId: '31000000-0000-4000-8000-000000000005',
        type: 'CompetitionCreated',
        data: competition('q2'),
        metadata,
      },
    ]);
    await store.appendToStream('competition-off', [
      {
        eventId: '31000000-0000-4000-8000-000000000006',
        type: 'CompetitionCreated',
        data: competition('off'),
        metadata,
      },
      {
        eventId: '31000000-0000-4000-8000-000000000007',
        type: 'CompetitionCancelled',
        data: { competitionId: 'off', reason: 'merged', cancelledBy: 'sm-01', cancelledAt: at },
        metadata,
      },
    ]);
    // Nor evaluations (a manager's quarterly review): one opened, assessed and finalised.
    const review = { repId: 'rep-east-01', quarter: '2026-Q1' };
    await store.appendToStream('evaluation-rep-east-01-2026-Q1', [
      {
        eventId: '31000000-0000-4000-8000-000000000008',
        type: 'EvaluationOpened',
        data: {
          ...review,
          region: 'east',
          snapshot: { scorecards: '[]', position: '1' },
          openedBy: 'rm-east',
          openedAt: at,
        },
        metadata,
      },
      {
        eventId: '31000000-0000-4000-8000-000000000009',
        type: 'EvaluationAssessed',
        data: {
          ...review,
          rating: 3,
          strengths: 'steady',
          comments: null,
          actions: [],
          outcomes: [],
          assessedBy: 'rm-east',
          assessedAt: at,
        },
        metadata,
      },
      {
        eventId: '31000000-0000-4000-8000-00000000000a',
        type: 'EvaluationFinalised',
        data: { ...review, rating: 3, finalisedBy: 'rm-east', finalisedAt: at },
        metadata,
      },
    ]);
    // Nor improvement actions (a manager's follow-through on a finding): one opened and started.
    await store.appendToStream('action-billing', [
      {
        eventId: '31000000-0000-4000-8000-00000000000b',
        type: 'ImprovementActionOpened',
        data: {
          actionId: 'billing',
          title: 'Check invoices against orders',
          finding: {
            report: 'complaints',
            metric: 'rootCause',
            rootCause: 'billing_error',
            period: { from: '2026-01', to: '2026-03' },
            value: 9,
          },
          department: 'billing',
          ownerId: 'fin-lead',
          dueOn: '2026-04-30',
          openedBy: 'sm-01',
          openerRole: 'sales_manager',
          openedAt: at,
        },
        metadata,
      },
      {
        eventId: '31000000-0000-4000-8000-00000000000c',
        type: 'ImprovementActionStatusChanged',
        data: {
          actionId: 'billing',
          from: 'open',
          to: 'in_progress',
          note: 'started',
          changedBy: 'sm-01',
          changedAt: at,
        },
        metadata,
      },
    ]);
    await appendPipelineAndForecasts(store);
    await appendSurveyCampaign(store);
    events = (await readEverything(store)).filter((event) => !event.type.startsWith('$'));
  }, 60_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives no projection an event it would write for but does not name in `handles` (a rebuild skips those)', () => {
    // An empty read model: a projection's first filter is on the type alone, before it reads any row.
    const empty = { get: () => undefined };
    const declared = allProjections.filter((projection) => projection.handles !== undefined);
    expect(declared.map((projection) => projection.name)).toEqual(allProjections.map((projection) => projection.name));
    for (const projection of declared) {
      const handles = projection.handles ?? new Set<string>();
      const others = events.filter((event) => !handles.has(event.type));
      const writes = others.flatMap((event) => projection.project(event, empty, { zone: 'Asia/Shanghai' }));
      expect({ projection: projection.name, writes }).toEqual({ projection: projection.name, writes: [] });
      // A type the registry does not know is misspelt: the real one would be skipped.
      expect([...handles].filter((type) => salesbookEventRegistry.versionOf(type) === undefined)).toEqual([]);
    }
  });

  it('rebuilds exactly the tables of the event-by-event fold, and the same digests at any batch size', async () => {
    const digests = new Map<number, string[]>();
    for (const batchSize of [2_000, 7, 1]) {
      const db = new Database(join(dir, `read-models-${batchSize}.db`));
      db.pragma('journal_mode = WAL');
      const runner = new ProjectionRunner({ db, store, projections: allProjections, batchSize });
      await Promise.all(allProjections.map((projection) => runner.rebuild(projection.name)));
      await runner.stop();
      expect(allProjections.flatMap((projection) => runner.parked(projection.name))).toEqual([]);
      if (batchSize === 2_000) {
        const rows = allProjections.map((projection) =>
          [...tablesOf(db, projection).values()].reduce((sum, table) => sum + table.length, 0),
        );
        expect(Math.min(...rows)).toBeGreaterThan(0);
        for (const projection of allProjections)
          expect(tablesOf(db, projection)).toEqual(foldInMemory(projection, events));
      }
      digests.set(
        batchSize,
        allProjections.map((projection) => runner.digest(projection.name).digest),
      );
      db.close();
    }
    expect(digests.get(7)).toEqual(digests.get(2_000));
    expect(digests.get(1)).toEqual(digests.get(2_000));
  }, 120_000);
});
