import { collectionEvents, receivable } from '../collections/collections.testing.js';
import { orderEvents, type KpiOrder } from '../kpi/kpi-events.testing.js';
import { complaintEvents } from '../testing/complaint-events.js';
import { deactivated, reassigned, registered, type TestCustomer } from '../testing/customer-events.js';
import type { TestEvent } from '../testing/stored-events.js';
import { listComplaints } from './complaints.queries.js';
import { listCustomers } from './customers.queries.js';
import { listOrders } from './orders.queries.js';
import { decodeCursor } from './paging.js';
import { listReceivables } from './receivables.queries.js';
import { discountApproved, disputed, placedOrder, readModels, shippedPart } from './worklists.testing.js';

const customer = (customerId: string, region = 'east', ownerRepId = 'rep-1'): TestCustomer => ({
  customerId,
  region,
  ownerRepId,
  segment: 'smb',
});
const order = (orderId: string, repId = 'rep-1', region = 'east'): KpiOrder => ({
  orderId,
  customerId: 'c-1',
  repId,
  region,
  currency: 'CNY',
  segment: 'smb',
});
const all = { scope: {}, limit: 50 };

describe('customer list and search', () => {
  const names: Array<[TestCustomer, string]> = [
    [customer('c-1'), 'Huatech Machinery Co., Ltd.'],
    [customer('c-2', 'east', 'rep-2'), 'Jinxing Foods Co., Ltd.'],
    [customer('c-3', 'west', 'rep-3'), '上海华东电子有限公司'],
    [customer('c-4'), 'Tianhai Machinery Co., Ltd.'],
  ];
  const history = (): Array<[string, TestEvent[]]> =>
    names.map(([c, name]) => [`customer-${c.customerId}`, [registered(c, '2026-04-01T02:00:00Z', name)]]);

  it('finds by name prefix, word prefix, a run of words, Chinese characters anywhere a word may start, and id; never by contact', async () => {
    const { db, lag } = await readModels(history());
    const ids = (q: string) => listCustomers(db, lag, { ...all, q }).rows.map((r) => r.customerId);
    expect(ids('hua')).toEqual(['c-1']);
    expect(ids('MACHINERY')).toEqual(['c-1', 'c-4']);
    expect(ids('machinery co')).toEqual(['c-1', 'c-4']);
    expect(ids('华东')).toEqual(['c-3']);
    expect(ids('上海')).toEqual(['c-3']);
    expect(ids('C-2')).toEqual(['c-2']);
    expect(ids('chinery')).toEqual([]);
    expect(ids('wang')).toEqual([]);
    const text =
      JSON.stringify(db.prepare('SELECT * FROM wl_customers').all()) +
      JSON.stringify(db.prepare('SELECT * FROM wl_customer_terms').all());
    expect(text).not.toMatch(/Wang|5555|example\.com/);
  });

  it('scopes by owner and region, filters, and pages with a cursor in id order', async () => {
    const c1 = names[0]?.[0] ?? customer('c-1');
    const { db, lag } = await readModels([
      ...history(),
      [
        `customer-c-1`,
        [
          reassigned(c1, 'rep-3', 'west', '2026-04-02T02:00:00Z'),
          deactivated({ ...c1, ownerRepId: 'rep-3', region: 'west' }, '2026-04-03T02:00:00Z'),
        ],
      ],
    ]);
    const ids = (filter: Partial<Parameters<typeof listCustomers>[2]>) =>
      listCustomers(db, lag, { ...all, ...filter }).rows.map((r) => r.customerId);
    expect(ids({ scope: { repId: 'rep-1' } })).toEqual(['c-4']);
    expect(ids({ scope: { region: 'west' } })).toEqual(['c-1', 'c-3']);
    expect(ids({ scope: { region: 'west' }, active: true })).toEqual(['c-3']);
    expect(ids({ owner: 'rep-2' })).toEqual(['c-2']);
    const first = listCustomers(db, lag, { ...all, limit: 3 });
    expect(first.rows.map((r) => r.customerId)).toEqual(['c-1', 'c-2', 'c-3']);
    const after = decodeCursor('customers', first.nextCursor ?? '', 1);
    expect(after).toEqual(['c-3']);
    const second = listCustomers(db, lag, { ...all, limit: 3, after });
    expect([second.rows.map((r) => r.customerId), second.nextCursor]).toEqual([['c-4'], null]);
    expect(decodeCursor('orders', first.nextCursor ?? '', 1)).toBeUndefined();
    expect(decodeCursor('customers', 'not a cursor', 1)).toBeUndefined();
  });
});

describe('order list', () => {
  it('knows each status, late orders as of today, and pages newest first', async () => {
    const [a, b, c, d, e] = ['o-a', 'o-b', 'o-c', 'o-d', 'o-e'].map((id) => order(id));
    const lines = [{ lineId: 'l1', sku: 'SKU-1', quantity: 10, unitPrice: 100, discountBp: 0 }];
    const { db, lag } = await readModels([
      [`order-o-a`, [placedOrder(a!, '2026-04-01T02:00:00Z', '2026-04-10', 1_500, true)]],
      [
        `order-o-b`,
        [
          placedOrder(b!, '2026-04-02T02:00:00Z', '2026-04-10', 1_500, true),
          discountApproved(b!, '2026-04-02T03:00:00Z', 1_500),
          orderEvents(b!).confirmed(lines, 1_000, '2026-04-02T04:00:00Z', '2026-04-10'),
        ],
      ],
      [
        `order-o-c`,
        [
          placedOrder(c!, '2026-04-03T02:00:00Z', '2026-04-10'),
          orderEvents(c!).confirmed(lines, 1_000, '2026-04-03T04:00:00Z', '2026-04-10'),
          shippedPart(c!, '2026-04-05', 4, 10),
        ],
      ],
      [
        `order-o-d`,
        [
          placedOrder(d!, '2026-04-04T02:00:00Z', '2026-04-10'),
          orderEvents(d!).confirmed(lines, 1_000, '2026-04-04T04:00:00Z', '2026-04-10'),
          shippedPart(d!, '2026-04-05', 10, 10),
          orderEvents(d!).delivered('2026-04-09', '2026-04-10', 1_000),
        ],
      ],
      [
        `order-o-e`,
        [
          placedOrder(e!, '2026-04-05T02:00:00Z', '2026-04-20'),
          orderEvents(e!).cancelled(false, 0, '2026-04-06T02:00:00Z'),
        ],
      ],
    ]);
    const list = (filter: Partial<Parameters<typeof listOrders>[2]>) =>
      listOrders(db, lag, { ...all, today: '2026-04-11', ...filter }).rows.map(
        (r) => `${r.orderId}:${r.status}${r.late ? ':late' : ''}`,
      );
    expect(list({})).toEqual([
      'o-e:cancelled',
      'o-d:delivered',
      'o-c:partly_shipped:late',
      'o-b:confirmed:late',
      'o-a:awaiting_approval:late',
    ]);
    expect(list({ status: 'late' })).toEqual([
      'o-c:partly_shipped:late',
      'o-b:confirmed:late',
      'o-a:awaiting_approval:late',
    ]);
    expect(list({ status: 'late', today: '2026-04-10' })).toEqual([]);
    expect(list({ status: 'awaiting_approval' })).toEqual(['o-a:awaiting_approval:late']);
    expect(list({ from: '2026-04-02', to: '2026-04-03' })).toEqual(['o-c:partly_shipped:late', 'o-b:confirmed:late']);
    expect(list({ scope: { repId: 'rep-9' } })).toEqual([]);
    const first = listOrders(db, lag, { ...all, limit: 2, today: '2026-04-11' });
    const rest = listOrders(db, lag, {
      ...all,
      limit: 2,
      today: '2026-04-11',
      after: decodeCursor('orders', first.nextCursor ?? '', 2),
    });
    expect(rest.rows.map((r) => r.orderId)).toEqual(['o-c', 'o-b']);
  });
});

describe('receivable list', () => {
  it('knows the collection plan (due soon, overdue), disputes, open promises and paused reminders', async () => {
    const r1 = receivable('r-1', 'c-1', 'rep-1', 'east');
    const r2 = receivable('r-2', 'c-1', 'rep-1', 'east');
    const r3 = receivable('r-3', 'c-2', 'rep-2', 'west');
    const e1 = collectionEvents(r1);
    const e2 = collectionEvents(r2);
    const e3 = collectionEvents(r3);
    const { db, lag } = await readModels([
      // r-1: first installment overdue on 2026-05-10, then a promise to pay it by 05-15.
      [
        'receivable-r-1',
        [
          e1.opened(
            [
              { installmentNo: 1, dueDate: '2026-05-01', amount: 500 },
              { installmentNo: 2, dueDate: '2026-06-01', amount: 500 },
            ],
            '2026-04-01',
          ),
          e1.followedUp('2026-05-08', 'phone', 1_000, { date: '2026-05-15', amount: 500 }),
        ],
      ],
      // r-2: due in 3 days, then disputed.
      [
        'receivable-r-2',
        [
          e2.opened([{ installmentNo: 1, dueDate: '2026-05-13', amount: 800 }], '2026-04-01'),
          disputed(r2, '2026-05-09T02:00:00Z', 800),
        ],
      ],
      // r-3: paid in full.
      [
        'receivable-r-3',
        [
          e3.opened([{ installmentNo: 1, dueDate: '2026-05-05', amount: 300 }], '2026-04-01'),
          e3.paid(
            'p-1',
            '2026-05-04',
            [{ installmentNo: 1, dueDate: '2026-05-05', amount: 300, outstandingAfter: 0 }],
            0,
          ),
          {
            type: 'ReceivableSettled',
            at: '2026-05-04T04:00:01Z',
            data: {
              ...r3,
              outstanding: 0,
              amount: 300,
              paid: 300,
              credited: 0,
              dueDate: '2026-05-05',
              settledOn: '2026-05-04',
            },
          },
        ],
      ],
    ]);
    const today = '2026-05-10';
    const ids = (filter: Partial<Parameters<typeof listReceivables>[2]>) =>
      listReceivables(db, lag, { ...all, today, ...filter }).rows.map((r) => r.receivableId);
    expect(ids({})).toEqual(['r-1', 'r-3', 'r-2']);
    expect(ids({ status: 'overdue' })).toEqual(['r-1']);
    expect(ids({ status: 'due_soon' })).toEqual(['r-2']);
    expect(ids({ status: 'due_soon', dueWithinDays: 2 })).toEqual([]);
    expect(ids({ status: 'promised' })).toEqual(['r-1']);
    expect(ids({ status: 'promised', today: '2026-05-16' })).toEqual([]);
    expect(ids({ status: 'disputed' })).toEqual(['r-2']);
    expect(ids({ status: 'settled' })).toEqual(['r-3']);
    expect(ids({ scope: { region: 'west' } })).toEqual(['r-3']);
    const [row1] = listReceivables(db, lag, { ...all, today, status: 'overdue' }).rows;
    expect(row1).toMatchObject({
      nextDueOn: '2026-05-01',
      overdue: true,
      remindersPaused: true,
      lastFollowUp: { on: '2026-05-08', channel: 'phone', by: 'rep-1' },
      promise: { date: '2026-05-15', amount: 500, paid: 0, status: 'open' },
    });
    expect(listReceivables(db, lag, { ...all, today: '2026-05-16', status: 'overdue' }).rows[0]).toMatchObject({
      remindersPaused: false,
      promise: { status: 'broken' },
    });
  });
});

describe('complaint queue', () => {
  it('orders by the next deadline, breached first, stopped clocks last', async () => {
    const filedAt = '2026-04-01T00:00:00Z';
    const high = complaintEvents({
      complaintId: 'k-1',
      category: 'delivery',
      severity: 'high',
      channel: 'phone',
      ownerRepId: 'rep-1',
      region: 'east',
      filedAt,
    });
    const low = complaintEvents({
      complaintId: 'k-2',
      category: 'billing',
      severity: 'low',
      channel: 'email',
      ownerRepId: 'rep-2',
      region: 'east',
      filedAt,
    });
    const waiting = complaintEvents({
      complaintId: 'k-3',
      category: 'service',
      severity: 'medium',
      channel: 'web',
      ownerRepId: 'rep-2',
      region: 'west',
      filedAt,
    });
    const { db, lag } = await readModels([
      ['complaint-k-1', [high.filed()]],
      // Acknowledged after 2h: 10 days to resolve from filing.
      ['complaint-k-2', [low.filed(), low.acknowledged(2)]],
      [
        'complaint-k-3',
        [
          waiting.filed(),
          waiting.acknowledged(1),
          {
            type: 'ComplaintInvestigationRecorded',
            at: '2026-04-01T02:00:00Z',
            data: {
              complaintId: 'k-3',
              rootCause: null,
              findings: 'checked',
              recordedBy: 'handler-1',
              recordedAt: '2026-04-01T02:00:00Z',
            },
          },
          waiting.awaiting(3),
        ],
      ],
    ]);
    const now = '2026-04-01T05:00:00Z';
    const rows = listComplaints(db, lag, { ...all, now }).rows;
    expect(rows.map((r) => [r.complaintId, r.status, r.deadline, r.deadlineAt, r.breached])).toEqual([
      ['k-1', 'filed', 'acknowledge', '2026-04-01T04:00:00.000Z', true],
      ['k-2', 'acknowledged', 'resolve', '2026-04-11T00:00:00.000Z', false],
      ['k-3', 'awaiting_customer', 'paused', null, false],
    ]);
    expect(listComplaints(db, lag, { ...all, now, breachWithinHours: 1 }).rows.map((r) => r.complaintId)).toEqual([
      'k-1',
    ]);
    expect(listComplaints(db, lag, { ...all, now, handler: 'handler-1' }).rows.map((r) => r.complaintId)).toEqual([
      'k-2',
      'k-3',
    ]);
    expect(listComplaints(db, lag, { ...all, now, scope: { repId: 'rep-1' } }).rows.map((r) => r.complaintId)).toEqual([
      'k-1',
    ]);
    expect(
      listComplaints(db, lag, { ...all, now, status: 'open', scope: { region: 'west' } }).rows.map(
        (r) => r.complaintId,
      ),
    ).toEqual(['k-3']);
  });
});
