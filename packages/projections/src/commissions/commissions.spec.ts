import type Database from 'better-sqlite3';
import { receivable } from '../collections/collections.testing.js';
import { receivableEvents, targetEvent } from '../kpi/kpi-events.testing.js';
import { salesTargetsProjection } from '../kpi/sales-targets.projection.js';
import { projectionKit } from '../testing/projection-kit.js';
import type { TestEvent } from '../testing/stored-events.js';
import { commissionsProjection } from './commissions.projection.js';
import { queryCommissionLines, queryCommissionRegions, queryCommissionStatements } from './commissions.queries.js';

// Every figure below is computed by hand in the comments (CNY minor units: 100 = 1.00).
const terms = (tiers: object[], accelerators: object[], clawback: object, covers: object) => ({
  name: 'plan',
  covers,
  currency: 'CNY',
  tiers,
  accelerators,
  clawback,
});
const plan = (planId: string, version: number, effectiveFrom: string, at: string, t: object): TestEvent => ({
  type: 'CommissionPlanVersionSet',
  at,
  data: { planId, version, effectiveFrom, ...t, replaces: null, setBy: 'sm-1', setAt: at },
});
const east = { kind: 'regions', ids: ['east'] };
const both = { writeOffs: true, creditNotes: true };
const alloc = (amount: number, outstandingAfter: number) => [
  { installmentNo: 1, dueDate: '2026-03-31', amount, outstandingAfter },
];

const r1 = receivableEvents(receivable('r1', 'c-1', 'rep-1', 'east'));
const r2 = receivableEvents(receivable('r2', 'c-1', 'rep-1', 'east'));
const r3 = receivableEvents(receivable('r3', 'c-2', 'rep-1', 'east'));
const r4 = receivableEvents(receivable('r4', 'c-3', 'rep-2', 'east'));
const r5 = receivableEvents(receivable('r5', 'c-4', 'rep-3', 'west'));
const installment = (amount: number) => [{ installmentNo: 1, dueDate: '2026-03-31', amount }];
// A payment dated 31 March, recorded once March was closed: it counts on 2 April (its postedOn).
const latePayment = { ...r3.paid('p-late', '2026-03-31', alloc(1_000_000, 0), 0), at: '2026-04-02T04:00:00Z' };
(latePayment.data as Record<string, unknown>)['postedOn'] = '2026-04-02';

function given(): { db: Database.Database; lag: (name: string) => number } {
  const kit = projectionKit([commissionsProjection, salesTargetsProjection]);
  kit.given('commission-plans', [
    // March: 2% from 0, 3% from 100%, 5% on the part above 120%; both clawbacks.
    plan(
      'east-2026',
      1,
      '2026-03',
      '2026-03-01T01:00:00Z',
      terms(
        [
          { fromBps: 0, rateBps: 200 },
          { fromBps: 10_000, rateBps: 300 },
        ],
        [{ aboveBps: 12_000, rateBps: 500 }],
        both,
        east,
      ),
    ),
    plan(
      'vip',
      1,
      '2026-03',
      '2026-03-01T02:00:00Z',
      terms([{ fromBps: 0, rateBps: 1_000 }], [], both, { kind: 'reps', ids: ['rep-3'] }),
    ),
    // From April: 2.5% flat, write-offs clawed back, credit notes not. March keeps its version.
    plan(
      'east-2026',
      2,
      '2026-04',
      '2026-03-20T01:00:00Z',
      terms([{ fromBps: 0, rateBps: 250 }], [], { writeOffs: true, creditNotes: false }, east),
    ),
  ]);
  kit.given('target-2026-03-rep-rep-1', [targetEvent('2026-03', 'rep', 'rep-1', 'east', 'CNY', 10_000_000)]);
  kit.given('target-2026-03-rep-rep-2', [targetEvent('2026-03', 'rep', 'rep-2', 'east', 'CNY', 2_000_000)]);
  kit.given('receivable-r1', [
    r1.opened(installment(13_000_000), '2026-02-20'),
    r1.paid('p1', '2026-03-05', alloc(6_000_000, 7_000_000), 7_000_000),
    r1.paid('p2', '2026-03-20', alloc(6_000_000, 1_000_000), 1_000_000),
    r1.credited('cn1', '2026-04-10', alloc(1_000_000, 0), 0),
  ]);
  kit.given('receivable-r2', [
    r2.opened(installment(4_500_000), '2026-02-20'),
    r2.paid('p3', '2026-03-10', alloc(2_000_000, 2_500_000), 2_500_000),
    r2.reversed('p3', '2026-03-10', '2026-03-12', alloc(500_000, 3_000_000), 3_000_000),
    r2.writtenOff('2026-04-15', alloc(3_000_000, 0)),
  ]);
  kit.given('receivable-r3', [r3.opened(installment(1_000_000), '2026-03-01'), latePayment]);
  kit.given('receivable-r4', [
    r4.opened(installment(1_000_000), '2026-03-01'),
    r4.paid('p4', '2026-03-15', alloc(1_000_000, 0), 0),
  ]);
  kit.given('receivable-r5', [
    r5.opened(installment(500_000), '2026-03-01'),
    r5.paid('p5', '2026-03-16', alloc(500_000, 0), 0),
  ]);
  return { db: kit.readModels(), lag: () => 0 };
}

describe('commission statements', () => {
  let read: ReturnType<typeof given>;
  beforeAll(() => {
    read = given();
  });

  it('pays each rep of a month under the plan version of that month, tiers by attainment and the accelerator above 120%', () => {
    expect(queryCommissionStatements(read.db, read.lag, { month: '2026-03' }).rows).toEqual([
      // base 6,000,000 + 6,000,000 + 2,000,000 - 500,000 = 13,500,000 of 10,000,000: 135%, tier 2 (3%);
      // 12,000,000 x 3% = 360,000, plus the 1,500,000 above 120% x 5% = 75,000.
      {
        rep_id: 'rep-1',
        region: 'east',
        plan_id: 'east-2026',
        plan_version: 1,
        currency: 'CNY',
        base: 13_500_000,
        target: 10_000_000,
        attainment_bps: 13_500,
        tier: 2,
        rate_bps: 300,
        commission: 435_000,
        clawbacks: 0,
        total: 435_000,
      },
      // 1,000,000 of 2,000,000: 50%, tier 1: 2% = 20,000.
      {
        rep_id: 'rep-2',
        region: 'east',
        plan_id: 'east-2026',
        plan_version: 1,
        currency: 'CNY',
        base: 1_000_000,
        target: 2_000_000,
        attainment_bps: 5_000,
        tier: 1,
        rate_bps: 200,
        commission: 20_000,
        clawbacks: 0,
        total: 20_000,
      },
      // rep-3's own plan (10%), no target: 500,000 x 10% = 50,000.
      {
        rep_id: 'rep-3',
        region: 'west',
        plan_id: 'vip',
        plan_version: 1,
        currency: 'CNY',
        base: 500_000,
        target: null,
        attainment_bps: null,
        tier: 1,
        rate_bps: 1_000,
        commission: 50_000,
        clawbacks: 0,
        total: 50_000,
      },
    ]);
  });

  it('claws back in April, at March rates, what a write-off took from a receivable; the April version pays 2.5% and claws back no credit note', () => {
    // r2 paid 2,000,000 (share 2,000,000 x 435,000 / 13,500,000 = 64,444) less 500,000 (-16,111): 1,500,000 earned 48,333;
    // the write-off of 3,000,000 exceeds it, so all 48,333 come back. The late payment of 1,000,000 counts in April: 25,000.
    expect(queryCommissionStatements(read.db, read.lag, { month: '2026-04' }).rows).toEqual([
      {
        rep_id: 'rep-1',
        region: 'east',
        plan_id: 'east-2026',
        plan_version: 2,
        currency: 'CNY',
        base: 1_000_000,
        target: null,
        attainment_bps: null,
        tier: 1,
        rate_bps: 250,
        commission: 25_000,
        clawbacks: 48_333,
        total: -23_333,
      },
    ]);
  });

  it('traces every line of a rep month to its event, late adjustments marked with their own date', () => {
    const lines = queryCommissionLines(read.db, read.lag, { repId: 'rep-1', month: '2026-04' }).rows;
    expect(
      lines.map((l) => [
        l.stream_name,
        l.revision,
        l.event_type,
        l.amount,
        l.dated_on,
        l.counted_on,
        l.late,
        l.commission,
        l.clawback,
      ]),
    ).toEqual([
      ['receivable-r3', 1, 'PaymentReceived', 1_000_000, '2026-03-31', '2026-04-02', true, 25_000, null],
      ['receivable-r1', 3, 'CreditNoteIssued', 1_000_000, '2026-04-10', '2026-04-10', false, null, 0],
      ['receivable-r2', 3, 'ReceivableWrittenOff', 3_000_000, '2026-04-15', '2026-04-15', false, null, 48_333],
    ]);
    const march = queryCommissionLines(read.db, read.lag, { repId: 'rep-1', month: '2026-03' }).rows;
    // Shares at 435,000 / 13,500,000: 193,333 + 193,333 + 64,444 - 16,111 = 434,999 (one unit of rounding off 435,000).
    expect(march.map((l) => [l.stream_name, l.revision, l.kind, l.commission])).toEqual([
      ['receivable-r1', 1, 'payment', 193_333],
      ['receivable-r2', 1, 'payment', 64_444],
      ['receivable-r2', 2, 'reversal', -16_111],
      ['receivable-r1', 2, 'payment', 193_333],
    ]);
  });

  it('scopes rows: a rep their own, a regional manager their region; and sums per region', () => {
    expect(
      queryCommissionStatements(read.db, read.lag, { month: '2026-03', scope: { repId: 'rep-2' } }).rows.map(
        (r) => r.rep_id,
      ),
    ).toEqual(['rep-2']);
    expect(
      queryCommissionStatements(read.db, read.lag, { month: '2026-03', scope: { region: 'west' } }).rows.map(
        (r) => r.rep_id,
      ),
    ).toEqual(['rep-3']);
    expect(queryCommissionRegions(read.db, read.lag, { month: '2026-03' }).rows).toEqual([
      { region: 'east', currency: 'CNY', reps: 2, base: 14_500_000, commission: 455_000, clawbacks: 0, total: 455_000 },
      { region: 'west', currency: 'CNY', reps: 1, base: 500_000, commission: 50_000, clawbacks: 0, total: 50_000 },
    ]);
  });
});
