import type Database from 'better-sqlite3';
import { collectionEvents, receivable } from '../collections/collections.testing.js';
import { allProjections } from '../catalog.js';
import { orderEvents, type KpiOrder } from '../kpi/kpi-events.testing.js';
import { complaintEvents, type TestComplaint } from '../testing/complaint-events.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { approvalEvents, writeOffRequested } from '../supervision/supervision.testing.js';
import { queryAlerts, type AlertsFilter } from './alerts.queries.js';

const order = (orderId: string, repId: string, region: string): KpiOrder => ({
  orderId,
  customerId: 'c-1',
  repId,
  region,
  currency: 'CNY',
  segment: 'smb',
});
const l1 = { lineId: 'l1', sku: 'SKU-1', quantity: 10, unitPrice: 100, discountBp: 1_500 };
const complaint = (
  complaintId: string,
  severity: TestComplaint['severity'],
  ownerRepId: string,
  region: string,
): TestComplaint => ({
  complaintId,
  category: 'delivery',
  severity,
  channel: 'phone',
  ownerRepId,
  region,
  filedAt: '2026-04-10T00:00:00Z',
});

function given(kit: ProjectionKit): void {
  // C1 (high: acknowledge in 4h, resolve in 72h) acknowledged at 3h, waiting on the customer 10h-20h, resolved at 90h.
  const c1 = complaintEvents(complaint('C1', 'high', 'rep-1', 'east'));
  kit.given('complaint-C1', [c1.filed(), c1.acknowledged(3), c1.awaiting(10), c1.responded(10, 20), c1.resolved(90)]);
  // C2 (medium: 8h, 120h) acknowledged at 1h and resolved at 24h: never near a breach.
  const c2 = complaintEvents(complaint('C2', 'medium', 'rep-2', 'west'));
  kit.given('complaint-C2', [c2.filed(), c2.acknowledged(1), c2.resolved(24)]);
  const a1 = order('A1', 'rep-1', 'east');
  kit.given('order-A1', [
    approvalEvents(a1).placed('2026-04-02T02:00:00Z', true),
    approvalEvents(a1).approved('2026-04-02T05:00:00Z'),
    orderEvents(a1).confirmed([l1], 850, '2026-04-03T02:00:00Z'),
    orderEvents(a1).delivered('2026-04-18', '2026-04-20', 850),
  ]);
  const a2 = order('A2', 'rep-1', 'east');
  kit.given('order-A2', [
    approvalEvents(a2).placed('2026-04-05T02:00:00Z', false),
    orderEvents(a2).confirmed([l1], 850, '2026-04-05T03:00:00Z'),
    orderEvents(a2).delivered('2026-04-22', '2026-04-20', 850),
  ]);
  kit.given('order-B1', [approvalEvents(order('B1', 'rep-2', 'west')).placed('2026-04-10T02:00:00Z', true)]);
  const r1 = collectionEvents(receivable('R1', 'c-1', 'rep-1', 'east'));
  const i1 = { installmentNo: 1, dueDate: '2026-03-31' };
  kit.given('receivable-R1', [
    r1.opened([{ ...i1, amount: 1_000 }], '2026-03-01'),
    r1.followedUp('2026-04-25', 'phone', 1_000, { date: '2026-04-28', amount: 500 }),
    r1.paid('p1', '2026-04-27', [{ ...i1, amount: 500, outstandingAfter: 500 }], 500),
  ]);
  const r2 = receivable('R2', 'c-2', 'rep-1', 'east');
  const k1 = { installmentNo: 1, dueDate: '2026-04-10' };
  kit.given('receivable-R2', [
    collectionEvents(r2).opened([{ ...k1, amount: 1_000 }], '2026-03-01'),
    collectionEvents(r2).followedUp('2026-04-12', 'email', 1_000, { date: '2026-04-20', amount: 1_000 }),
    writeOffRequested(r2, 1_000, '2026-04-25T03:00:00Z'),
    collectionEvents(r2).writtenOff('2026-04-27', [{ ...k1, amount: 1_000, outstandingAfter: 0 }]),
  ]);
}

const east = { rep_id: 'rep-1', region: 'east' };
// By hand, warning 2 hours before each SLA target; days start at 16:00Z the day before in Shanghai.
const expected = [
  // C1: acknowledge target 4h, warning at 2h; acknowledged only at 3h.
  {
    id: 'sla_acknowledge_due:C1',
    kind: 'sla_acknowledge_due',
    fires_at: '2026-04-10T02:00:00.000Z',
    subject: 'complaint',
    subject_id: 'C1',
    ...east,
    handler_id: 'handler-1',
    detail: 'acknowledge',
  },
  // B1 asked for approval at 02:00Z on 10 Apr and never got it: a day later.
  {
    id: 'approval_waiting:order:B1:2026-04-10T02:00:00.000Z',
    kind: 'approval_waiting',
    fires_at: '2026-04-11T02:00:00.000Z',
    subject: 'order',
    subject_id: 'B1',
    rep_id: 'rep-2',
    region: 'west',
    handler_id: null,
    detail: 'discount',
  },
  // C1: 70h of handling (72h - 2h) with 10h paused reached at 80h after filing; resolved only at 90h.
  {
    id: 'sla_resolve_due:C1',
    kind: 'sla_resolve_due',
    fires_at: '2026-04-13T08:00:00.000Z',
    subject: 'complaint',
    subject_id: 'C1',
    ...east,
    handler_id: 'handler-1',
    detail: 'resolve',
  },
  // A2 promised for 20 Apr, delivered 22 Apr: late from the start of 21 Apr. R2 promised 1000 by 20 Apr, paid nothing.
  {
    id: 'order_late:A2:2026-04-20',
    kind: 'order_late',
    fires_at: '2026-04-20T16:00:00.000Z',
    subject: 'order',
    subject_id: 'A2',
    ...east,
    handler_id: null,
    detail: '2026-04-20',
  },
  {
    id: 'promise_broken:R2:1',
    kind: 'promise_broken',
    fires_at: '2026-04-20T16:00:00.000Z',
    subject: 'receivable',
    subject_id: 'R2',
    ...east,
    handler_id: null,
    detail: '2026-04-20',
  },
  // R2's write-off asked 25 Apr 03:00Z, approved 27 Apr: it had waited a day on 26 Apr 03:00Z.
  {
    id: 'approval_waiting:write_off:R2:2026-04-25T03:00:00.000Z',
    kind: 'approval_waiting',
    fires_at: '2026-04-26T03:00:00.000Z',
    subject: 'receivable',
    subject_id: 'R2',
    ...east,
    handler_id: null,
    detail: 'write_off',
  },
];

describe('alerts', () => {
  let db: Database.Database;
  const lag = () => 0;
  const alerts = (extra: Partial<AlertsFilter> = {}) =>
    queryAlerts(db, lag, {
      since: '2026-04-01T00:00:00.000Z',
      now: '2026-05-01T00:00:00.000Z',
      zone: 'Asia/Shanghai',
      slaWarningMs: 2 * 3_600_000,
      ...extra,
    }).rows;

  beforeAll(() => {
    const kit = projectionKit(allProjections);
    given(kit);
    db = kit.readModels();
  });

  it('fires each condition once, at the instant computed by hand, oldest first', () => {
    expect(alerts()).toEqual(expected);
  });

  it('gives the alerts fired after since, up to now', () => {
    expect(alerts({ since: '2026-04-20T16:00:00.000Z' }).map((a) => a.id)).toEqual([expected[5]?.id]);
    expect(alerts({ now: '2026-04-13T07:59:59.999Z' }).map((a) => a.id)).toEqual([expected[0]?.id, expected[1]?.id]);
  });

  it('scopes a rep to their records and the complaints they handle, a regional manager to the region', () => {
    expect(alerts({ scope: { repId: 'rep-2' } }).map((a) => a.id)).toEqual([expected[1]?.id]);
    expect(alerts({ scope: { repId: 'handler-1' } }).map((a) => a.kind)).toEqual([
      'sla_acknowledge_due',
      'sla_resolve_due',
    ]);
    expect(alerts({ scope: { region: 'east' } })).toEqual(expected.filter((a) => a.region === 'east'));
  });

  it('warns at filing when the warning is longer than the target', () => {
    expect(alerts({ slaWarningMs: 5 * 3_600_000 })[0]).toMatchObject({
      id: 'sla_acknowledge_due:C1',
      fires_at: '2026-04-10T00:00:00.000Z',
    });
  });
});
