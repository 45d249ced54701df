import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { receivable } from '../collections/collections.testing.js';
import { receivableEvents, targetEvent } from '../kpi/kpi-events.testing.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { commissionsProjection } from './commissions.projection.js';
import {
  queryCommissionLines,
  queryCommissionRegions,
  queryCommissionStatements,
  statementToApprove,
} from './commissions.queries.js';

// An approved month answers the figures as approved, whatever is recorded after (CNY minor units, figures by hand).
const terms = {
  name: 'plan',
  covers: { kind: 'regions', ids: ['east'] },
  currency: 'CNY',
  tiers: [
    { fromBps: 0, rateBps: 200 },
    { fromBps: 10_000, rateBps: 300 },
  ],
  accelerators: [],
  clawback: { writeOffs: true, creditNotes: true },
};
const r1 = receivableEvents(receivable('r1', 'c-1', 'rep-1', 'east'));
const installment = [{ installmentNo: 1, dueDate: '2026-03-31', amount: 2_000_000 }];
const alloc = (amount: number, outstandingAfter: number) => [
  { installmentNo: 1, dueDate: '2026-03-31', amount, outstandingAfter },
];

let store: EventStore;
let db: Database.Database;
let runner: ProjectionRunner;
const lag = (name: string) => runner.freshness(name).lag;
const caughtUp = async () => runner.whenAt('commissions', (await store.headPosition()) ?? 0n);

beforeAll(async () => {
  store = createMemoryEventStore();
  await appendTestEvents(store, 'commission-plans', [
    {
      type: 'CommissionPlanVersionSet',
      at: '2026-03-01T01:00:00Z',
      data: {
        planId: 'east',
        version: 1,
        effectiveFrom: '2026-03',
        ...terms,
        replaces: null,
        setBy: 'sm-1',
        setAt: '2026-03-01T01:00:00Z',
      },
    },
  ]);
  await appendTestEvents(store, 'target-2026-03-rep-rep-1', [
    targetEvent('2026-03', 'rep', 'rep-1', 'east', 'CNY', 1_000_000),
  ]);
  await appendTestEvents(store, 'receivable-r1', [
    r1.opened(installment, '2026-02-20'),
    r1.paid('p1', '2026-03-05', alloc(800_000, 1_200_000), 1_200_000),
  ]);
  db = new Database(':memory:');
  runner = new ProjectionRunner({ db, store, projections: [commissionsProjection, salesTargetsProjection] });
  await runner.start();
  await runner.whenLive();
});
afterAll(() => runner.stop());

describe('an approved commission statement', () => {
  it('is what was computed at approval: 8,000.00 of a 10,000.00 target is 80%, 2% = 160.00, with the facts it counted', async () => {
    const approving = statementToApprove(db, lag, '2026-03');
    expect(approving.rows).toEqual([
      expect.objectContaining({
        rep_id: 'rep-1',
        base: 800_000,
        attainment_bps: 8_000,
        tier: 1,
        commission: 16_000,
        total: 16_000,
      }),
    ]);
    expect(approving.included).toEqual([{ stream: 'receivable-r1', revision: 1 }]);
    const rows = approving.rows.map((row) => ({
      repId: row.rep_id,
      region: row.region,
      planId: row.plan_id,
      planVersion: row.plan_version,
      currency: row.currency,
      base: row.base,
      target: row.target,
      attainmentBps: row.attainment_bps,
      tier: row.tier,
      rateBps: row.rate_bps,
      commission: row.commission,
      clawbacks: row.clawbacks,
      total: row.total,
    }));
    const figures = { rows, included: approving.included, position: approving.position };
    await appendTestEvents(store, 'statement-2026-03', [
      {
        type: 'CommissionStatementApproved',
        at: '2026-04-01T02:00:00Z',
        data: { month: '2026-03', figures, approvedBy: 'sm-1', approvedAt: '2026-04-01T02:00:00Z' },
      },
    ]);
    // A second payment dated in March, recorded after the approval: 12,000.00 is 120%, 3% = 360.00 live.
    await appendTestEvents(store, 'receivable-r1', [r1.paid('p2', '2026-03-30', alloc(400_000, 800_000), 800_000)]);
    await caughtUp();
  });

  it('answers the frozen rows and says who approved them at which position', () => {
    const march = queryCommissionStatements(db, lag, { month: '2026-03' });
    expect(march.rows).toEqual([
      expect.objectContaining({ rep_id: 'rep-1', base: 800_000, commission: 16_000, total: 16_000 }),
    ]);
    expect(march.frozen).toBe(true);
    expect(march.approval).toEqual({
      approvedBy: 'sm-1',
      approvedAt: '2026-04-01T02:00:00Z',
      confirmedBy: null,
      confirmedAt: null,
      position: expect.stringMatching(/^\d+$/),
    });
    expect(queryCommissionRegions(db, lag, { month: '2026-03' }).rows).toEqual([
      { region: 'east', currency: 'CNY', reps: 1, base: 800_000, commission: 16_000, clawbacks: 0, total: 16_000 },
    ]);
    expect(queryCommissionStatements(db, lag, { month: '2026-03', scope: { region: 'west' } }).rows).toEqual([]);
  });

  it('counts the later March payment in April as an adjustment: no April target, 2% of 4,000.00 = 80.00', () => {
    const april = queryCommissionStatements(db, lag, { month: '2026-04' });
    expect(april.rows).toEqual([
      expect.objectContaining({
        rep_id: 'rep-1',
        base: 400_000,
        attainment_bps: null,
        commission: 8_000,
        total: 8_000,
      }),
    ]);
    const lines = (month: string) =>
      queryCommissionLines(db, lag, { repId: 'rep-1', month }).rows.map((line) => [
        line.revision,
        line.amount,
        line.month,
        line.adjusted_from,
        line.late,
      ]);
    expect(lines('2026-03')).toEqual([[1, 800_000, '2026-03', null, false]]);
    expect(lines('2026-04')).toEqual([[2, 400_000, '2026-04', '2026-03', true]]);
  });

  it("keeps paying shares at the approved figures when the month's target is revised later (live it would be 3%)", async () => {
    await appendTestEvents(store, 'target-2026-03-rep-rep-1', [
      targetEvent('2026-03', 'rep', 'rep-1', 'east', 'CNY', 500_000, 1_000_000),
    ]);
    await caughtUp();
    // 8,000.00 of 5,000.00 would be 160%, 3% = 240.00; the approved month paid 160.00, so p1's share stays 160.00.
    expect(
      queryCommissionLines(db, lag, { repId: 'rep-1', month: '2026-03' }).rows.map((line) => line.commission),
    ).toEqual([16_000]);
    expect(queryCommissionStatements(db, lag, { month: '2026-03' }).rows[0]?.commission).toBe(16_000);
  });

  it("records finance's confirmation beside the frozen figures; an open month is not frozen", async () => {
    await appendTestEvents(store, 'statement-2026-03', [
      {
        type: 'CommissionStatementConfirmed',
        at: '2026-04-02T02:00:00Z',
        data: { month: '2026-03', confirmedBy: 'fin-1', confirmedAt: '2026-04-02T02:00:00Z' },
      },
    ]);
    await caughtUp();
    const march = queryCommissionStatements(db, lag, { month: '2026-03' });
    expect([march.approval?.confirmedBy, march.rows[0]?.total]).toEqual(['fin-1', 16_000]);
    expect(queryCommissionStatements(db, lag, { month: '2026-04' })).toMatchObject({ frozen: false, approval: null });
  });
});
