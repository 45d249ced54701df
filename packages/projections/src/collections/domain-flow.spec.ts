import {
  Actor,
  OpenReceivable,
  receivableDecider,
  RecordPayment,
  ReversePayment,
  type ReceivableCommand,
  type ReceivableState,
} from '@salesbook/domain';
import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents, type TestEvent } from '../testing/stored-events.js';
import { queryAging } from './aging.queries.js';
import { collectionsProjection } from './collections.projection.js';
import { queryCollectionsSummary } from './summary.queries.js';

const system = Actor.parse({ id: 'importer', role: 'system' });
const finance = Actor.parse({ id: 'fin-1', role: 'finance' });

/** Runs commands through the real decider (oldest-first allocation included); each event at its command's instant. */
function decided(commands: readonly ReceivableCommand[]): TestEvent[] {
  let state: ReceivableState = receivableDecider.initialState();
  return commands.flatMap((command) => {
    // Finance and the system are not on the sales team register: their access facts are empty.
    const result = receivableDecider.decide({ ...command, access: { actor: null } }, state);
    if (result._tag === 'Left') throw new Error(`${command.type} refused: ${result.left.code}`);
    state = result.right.reduce(receivableDecider.evolve, state);
    return result.right.map((e) => ({ type: e.type, at: command.metadata.occurredAt, data: { ...e.data } }));
  });
}

const open = (
  receivableId: string,
  currency: string,
  installments: ReadonlyArray<{ installmentNo: number; dueDate: string; amount: number }>,
): ReceivableCommand => ({
  type: 'OpenReceivable',
  data: OpenReceivable.parse({
    receivableId,
    orderId: `o-${receivableId}`,
    customerId: 'c-1',
    repId: 'rep-1',
    region: 'east',
    issueDate: '2026-03-10',
    amount: { amount: installments.reduce((s, i) => s + i.amount, 0), currency },
    dueDate: installments[installments.length - 1]?.dueDate,
    installments,
  }),
  metadata: { actor: system, occurredAt: '2026-03-10T02:00:00Z' },
});
const pay = (
  receivableId: string,
  paymentId: string,
  amount: number,
  currency: string,
  receivedOn: string,
  at: string,
): ReceivableCommand => ({
  type: 'RecordPayment',
  data: RecordPayment.parse({
    receivableId,
    paymentId,
    amount: { amount, currency },
    receivedOn,
    method: 'bank_transfer',
  }),
  metadata: { actor: finance, occurredAt: at },
});
const reverse = (receivableId: string, paymentId: string, reversedOn: string, at: string): ReceivableCommand => ({
  type: 'ReversePayment',
  data: ReversePayment.parse({ receivableId, paymentId, reason: 'bounced', reversedOn }),
  metadata: { actor: finance, occurredAt: at },
});

describe('collections from decider events, across Asia/Shanghai month boundaries', () => {
  let runner: ProjectionRunner;
  let db: Database.Database;
  const lag = (name: string) => runner.freshness(name).lag;
  const month = (m: string) => queryCollectionsSummary(db, lag, { month: m, groupBy: 'rep' }).rows;

  beforeAll(async () => {
    const store = createMemoryEventStore();
    db = new Database(':memory:');
    runner = new ProjectionRunner({ db, store, projections: [receivablesKpiProjection, collectionsProjection] });
    // RC (CNY): #1 6000 due 10 Apr, #2 4000 due 10 May, issued 10 Mar.
    // p1 7000 received 30 Apr at 23:59 Shanghai (15:59Z): oldest first, 6000 to #1 and 1000 to #2.
    // p2 1000 received 1 May at 00:30 Shanghai (30 Apr 16:30Z): to #2; it bounces on 1 June at 01:00 Shanghai (31 May 17:00Z).
    await appendTestEvents(
      store,
      'receivable-RC',
      decided([
        open('RC', 'CNY', [
          { installmentNo: 1, dueDate: '2026-04-10', amount: 6_000 },
          { installmentNo: 2, dueDate: '2026-05-10', amount: 4_000 },
        ]),
        pay('RC', 'p1', 7_000, 'CNY', '2026-04-30', '2026-04-30T15:59:00Z'),
        pay('RC', 'p2', 1_000, 'CNY', '2026-05-01', '2026-04-30T16:30:00Z'),
        reverse('RC', 'p2', '2026-06-01', '2026-05-31T17:00:00Z'),
      ]),
    );
    // RU (USD, same rep): 500 due 15 Apr, 200 received 20 Apr.
    await appendTestEvents(
      store,
      'receivable-RU',
      decided([
        open('RU', 'USD', [{ installmentNo: 1, dueDate: '2026-04-15', amount: 500 }]),
        pay('RU', 'p1', 200, 'USD', '2026-04-20', '2026-04-20T03:00:00Z'),
      ]),
    );
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  it('allocates oldest first: only the installment due counts in the rate, the prepaid part in collected; currencies apart', () => {
    expect(
      month('2026-04').map((r) => [
        r.currency,
        r.collected,
        r.opening_ar,
        r.closing_ar,
        r.closing_current_ar,
        r.amount_due,
        r.collected_on_due,
        r.collection_rate,
        r.revenue_based_collection_rate,
        r.dso_days,
        r.cei_percent,
      ]),
    ).toEqual([
      // CNY: collected 7000; opening 10000, closing 3000 (#2), all current (due 10 May); due by 30 Apr: #1 6000, 6000 on it -> 1.
      // nothing invoiced in April -> revenue-based rate and DSO null; CEI (10000 + 0 - 3000) / (10000 + 0 - 3000) * 100 = 100.
      ['CNY', 7_000, 10_000, 3_000, 3_000, 6_000, 6_000, 1, null, null, 100],
      // USD: 200 of 500 due -> 0.4; closing 300 past due (15 Apr) -> closing current 0; CEI (500 - 300) / 500 * 100 = 40.
      ['USD', 200, 500, 300, 0, 500, 200, 0.4, null, null, 40],
    ]);
  });

  it('counts a payment by its business date (1 May in Shanghai, 30 April in UTC) and a bounce in the month of its reversal', () => {
    // May CNY: p2 1000 on #2; due by 31 May: #2 outstanding at 1 May 3000 -> 1000 / 3000 = 0.3333. Closing 2000, none current.
    // CEI (3000 + 0 - 2000) / (3000 + 0 - 0) * 100 = 33.3333.
    const may = month('2026-05').find((r) => r.currency === 'CNY');
    expect([
      may?.collected,
      may?.opening_ar,
      may?.closing_ar,
      may?.amount_due,
      may?.collection_rate,
      may?.cei_percent,
    ]).toEqual([1_000, 3_000, 2_000, 3_000, 0.3333, 33.3333]);
    // June CNY: the bounce of 1 June subtracts 1000; due: #2 2000 at 1 June -> -1000 / 2000 = -0.5; CEI (2000 - 3000) / 2000 * 100 = -50.
    const june = month('2026-06').find((r) => r.currency === 'CNY');
    expect([
      june?.collected,
      june?.opening_ar,
      june?.closing_ar,
      june?.amount_due,
      june?.collection_rate,
      june?.cei_percent,
    ]).toEqual([-1_000, 2_000, 3_000, 2_000, -0.5, -50]);
  });

  it('ages a past date as it stood then, after the later payment and bounce', () => {
    const aging = (asOf: string) =>
      queryAging(db, lag, { asOf, groupBy: 'none' })
        .rows.filter((r) => r.currency === 'CNY')
        .map((r) => [r.current, r.days_1_30, r.days_31_60, r.total]);
    // 30 Apr: #1 settled, #2 4000 - 1000 = 3000 not due -> current (p2 of 1 May not yet).
    expect(aging('2026-04-30')).toEqual([[3_000, 0, 0, 3_000]]);
    // 31 May: #2 2000, 21 days past 10 May -> 1-30 (the June bounce not yet).
    expect(aging('2026-05-31')).toEqual([[0, 2_000, 0, 2_000]]);
    // 15 June: #2 3000 again, 36 days -> 31-60.
    expect(aging('2026-06-15')).toEqual([[0, 0, 3_000, 3_000]]);
  });
});
