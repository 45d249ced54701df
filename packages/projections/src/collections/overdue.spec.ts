import { promiseStatus, receivableDecider, type ReceivableEvent, type SalesbookEvent } from '@salesbook/domain';
import type Database from 'better-sqlite3';
import { receivablesKpiProjection } from '../kpi/receivables-kpi.projection.js';
import { decodeEvent } from '../model/decode.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { collectionEvents, receivable } from './collections.testing.js';
import { collectionsProjection } from './collections.projection.js';
import { queryOverdue, type OverdueRow } from './overdue.queries.js';

const o1 = receivable('O1', 'c-1', 'rep-1', 'east');
const o2 = receivable('O2', 'c-2', 'rep-2', 'west', 'USD');
const o3 = receivable('O3', 'c-3', 'rep-2', 'west');

function given(kit: ProjectionKit): void {
  // O1: #1 1000 due 31 Mar, #2 1000 due 30 Apr.
  const a = collectionEvents(o1);
  const i1 = { installmentNo: 1, dueDate: '2026-03-31' };
  const i2 = { installmentNo: 2, dueDate: '2026-04-30' };
  kit.given('receivable-O1', [
    a.opened(
      [
        { ...i1, amount: 1_000 },
        { ...i2, amount: 1_000 },
      ],
      '2026-03-01',
    ),
    a.followedUp('2026-04-05', 'phone', 2_000, { date: '2026-04-15', amount: 600 }),
    a.paid('p1', '2026-04-10', [{ ...i1, amount: 400, outstandingAfter: 600 }], 1_600),
    a.paid('p2', '2026-04-14', [{ ...i1, amount: 200, outstandingAfter: 400 }], 1_400),
    a.followedUp('2026-04-20', 'email', 1_400),
    a.followedUp('2026-05-03', 'visit', 1_400, { date: '2026-05-10', amount: 500 }),
    a.paid(
      'p3',
      '2026-05-06',
      [
        { ...i1, amount: 400, outstandingAfter: 0 },
        { ...i2, amount: 100, outstandingAfter: 900 },
      ],
      900,
    ),
    a.reversed(
      'p3',
      '2026-05-06',
      '2026-05-12',
      [
        { ...i1, amount: 400, outstandingAfter: 400 },
        { ...i2, amount: 100, outstandingAfter: 1_000 },
      ],
      1_400,
    ),
  ]);
  kit.given('receivable-O2', [
    collectionEvents(o2).opened([{ installmentNo: 1, dueDate: '2026-03-15', amount: 500 }], '2026-03-01'),
  ]);
  // O3: 300 due 12 Apr, credit note of 100 on 1 May.
  const c = collectionEvents(o3);
  const k1 = { installmentNo: 1, dueDate: '2026-04-12' };
  kit.given('receivable-O3', [
    c.opened([{ ...k1, amount: 300 }], '2026-04-01'),
    c.credited('cn1', '2026-05-01', [{ ...k1, amount: 100, outstandingAfter: 200 }], 200),
  ]);
}

/** An installment as of D: planned, collected, credited or written off, outstanding, days past due. */
const inst = (
  installment_no: number,
  due_date: string,
  planned: number,
  collected: number,
  reduced: number,
  days_past_due: number,
) => ({
  installment_no,
  due_date,
  planned,
  collected,
  reduced,
  outstanding: planned - collected - reduced,
  days_past_due,
});
const who = (r: typeof o1) => ({
  receivable_id: r.receivableId,
  order_id: r.orderId,
  customer_id: r.customerId,
  rep_id: r.repId,
  region: r.region,
  currency: r.currency,
});

describe('overdue receivables as of a date', () => {
  let kit: ProjectionKit;
  let db: Database.Database;
  const lag = () => 0;
  const rows = (filter: Parameters<typeof queryOverdue>[2]): readonly OverdueRow[] =>
    queryOverdue(db, lag, filter).rows;

  beforeAll(() => {
    kit = projectionKit([receivablesKpiProjection, collectionsProjection]);
    given(kit);
    db = kit.readModels();
  });

  it('lists overdue receivables oldest first, with an open promise; due on D is not overdue', () => {
    const result = queryOverdue(db, lag, { asOf: '2026-04-12' });
    expect(result.lag).toBe(0);
    expect(result.position).not.toBeNull();
    expect(result.rows).toEqual([
      // O2: 12 Apr - 15 Mar = 16 + 12 = 28 days; no follow-up.
      {
        as_of: '2026-04-12',
        ...who(o2),
        oldest_due_date: '2026-03-15',
        days_past_due: 28,
        outstanding: 500,
        overdue_amount: 500,
        last_follow_up: null,
        promise_to_pay: null,
        installments: [inst(1, '2026-03-15', 500, 0, 0, 28)],
      },
      // O1 #1 1000 - 400 = 600 overdue 12 days, #2 1000 not due; promise of 600 by 15 Apr has 400 paid towards it -> open. O3 is due today.
      {
        as_of: '2026-04-12',
        ...who(o1),
        oldest_due_date: '2026-03-31',
        days_past_due: 12,
        outstanding: 1_600,
        overdue_amount: 600,
        last_follow_up: { on: '2026-04-05', channel: 'phone' },
        promise_to_pay: { made_on: '2026-04-05', date: '2026-04-15', amount: 600, status: 'open' },
        // planned 1000 against 400 collected on #1 (600 left, 12 days); #2 1000 not yet due.
        installments: [inst(1, '2026-03-31', 1_000, 400, 0, 12), inst(2, '2026-04-30', 1_000, 0, 0, 0)],
      },
    ]);
  });

  it('keeps a promise once paid towards by its date', () => {
    // 16 Apr: 400 + 200 = 600 paid from 5 to 15 Apr -> kept; #1 still 400 overdue 16 days.
    expect(rows({ asOf: '2026-04-16', scope: { repId: 'rep-1' } })).toEqual([
      {
        as_of: '2026-04-16',
        ...who(o1),
        oldest_due_date: '2026-03-31',
        days_past_due: 16,
        outstanding: 1_400,
        overdue_amount: 400,
        last_follow_up: { on: '2026-04-05', channel: 'phone' },
        promise_to_pay: { made_on: '2026-04-05', date: '2026-04-15', amount: 600, status: 'kept' },
        // #1: 400 + 200 = 600 collected of 1000.
        installments: [inst(1, '2026-03-31', 1_000, 600, 0, 16), inst(2, '2026-04-30', 1_000, 0, 0, 0)],
      },
    ]);
    // 8 May: #1 settled by p3, #2 900 overdue since 30 Apr (8 days); p3 500 on 6 May keeps the 3 May promise.
    expect(rows({ asOf: '2026-05-08', scope: { repId: 'rep-1' } })).toEqual([
      {
        as_of: '2026-05-08',
        ...who(o1),
        oldest_due_date: '2026-04-30',
        days_past_due: 8,
        outstanding: 900,
        overdue_amount: 900,
        last_follow_up: { on: '2026-05-03', channel: 'visit' },
        promise_to_pay: { made_on: '2026-05-03', date: '2026-05-10', amount: 500, status: 'kept' },
        // p3 500 went oldest first: 400 settles #1 (600 + 400 = 1000), 100 to #2 (900 left, 8 days).
        installments: [inst(1, '2026-03-31', 1_000, 1_000, 0, 0), inst(2, '2026-04-30', 1_000, 100, 0, 8)],
      },
    ]);
  });

  it('breaks a promise whose payment bounced after its date, and scopes by region', () => {
    // 13 May: p3 reversed 12 May -> #1 400 and #2 1000 overdue; 13 May - 31 Mar = 30 + 13 = 43 days; nothing paid towards the promise.
    expect(rows({ asOf: '2026-05-13', scope: { region: 'east' } })).toEqual([
      {
        as_of: '2026-05-13',
        ...who(o1),
        oldest_due_date: '2026-03-31',
        days_past_due: 43,
        outstanding: 1_400,
        overdue_amount: 1_400,
        last_follow_up: { on: '2026-05-03', channel: 'visit' },
        promise_to_pay: { made_on: '2026-05-03', date: '2026-05-10', amount: 500, status: 'broken' },
        // the reversal takes back 400 from #1 (600 collected) and 100 from #2 (0 collected, 13 May - 30 Apr = 13 days).
        installments: [inst(1, '2026-03-31', 1_000, 600, 0, 43), inst(2, '2026-04-30', 1_000, 0, 0, 13)],
      },
    ]);
    // West: O2 13 May - 15 Mar = 16 + 30 + 13 = 59 days; O3 31 days, 300 - 100 credited = 200 (the credit note is not collected).
    const west = rows({ asOf: '2026-05-13', scope: { region: 'west' } });
    expect(west.map((r) => [r.receivable_id, r.days_past_due, r.overdue_amount])).toEqual([
      ['O2', 59, 500],
      ['O3', 31, 200],
    ]);
    expect(west[1]?.installments).toEqual([inst(1, '2026-04-12', 300, 0, 100, 31)]);
  });

  it('judges promises as the domain does on every day', () => {
    const receivableTypes = new Set([
      'ReceivableOpened',
      'PaymentReceived',
      'PaymentReversed',
      'CollectionFollowUpLogged',
    ]);
    const isReceivable = (e: SalesbookEvent): e is ReceivableEvent => receivableTypes.has(e.type);
    const events = kit.events('receivable-O1').map(decodeEvent).filter(isReceivable);
    const state = events.reduce(receivableDecider.evolve, receivableDecider.initialState());
    for (let day = Date.UTC(2026, 3, 1); day <= Date.UTC(2026, 4, 20); day += 86_400_000) {
      const asOf = new Date(day).toISOString().slice(0, 10);
      const row = rows({ asOf, scope: { repId: 'rep-1' } })[0];
      expect([asOf, row?.promise_to_pay?.status ?? 'none']).toEqual([asOf, promiseStatus(state, asOf)]);
    }
  });

  it('never stores the follow-up note', () => {
    const stored = JSON.stringify(db.prepare('SELECT * FROM collection_follow_ups').all());
    expect(stored).toContain('visit');
    expect(stored).not.toContain('Wang');
  });
});
