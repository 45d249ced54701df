import type Database from 'better-sqlite3';
import { collectionEvents, receivable } from '../collections/collections.testing.js';
import { allProjections } from '../catalog.js';
import { orderEvents, type KpiOrder } from '../kpi/kpi-events.testing.js';
import { complaintEvents, type TestComplaint } from '../testing/complaint-events.js';
import { profileReviewed, registered, type TestCustomer } from '../testing/customer-events.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { querySupervision, type SupervisionFilter, type SupervisionRow } from './supervision.queries.js';
import { approvalEvents } from './supervision.testing.js';

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
  filedAt: string,
): TestComplaint => ({ complaintId, category: 'delivery', severity, channel: 'phone', ownerRepId, region, filedAt });
const customer = (customerId: string, ownerRepId: string, region: string): TestCustomer => ({
  customerId,
  ownerRepId,
  region,
  segment: 'smb',
});

function givenOrders(kit: ProjectionKit): void {
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
  kit.given('order-A3', [approvalEvents(order('A3', 'rep-1', 'east')).placed('2026-03-28T02:00:00Z', true)]);
  kit.given('order-B1', [approvalEvents(order('B1', 'rep-2', 'west')).placed('2026-04-10T02:00:00Z', true)]);
}

function givenReceivables(kit: ProjectionKit): void {
  const r1 = collectionEvents(receivable('R1', 'c-1', 'rep-1', 'east'));
  const i1 = { installmentNo: 1, dueDate: '2026-03-31' };
  kit.given('receivable-R1', [
    r1.opened([{ ...i1, amount: 1_000 }], '2026-03-01'),
    r1.followedUp('2026-04-25', 'phone', 1_000, { date: '2026-04-28', amount: 500 }),
    r1.paid('p1', '2026-04-27', [{ ...i1, amount: 500, outstandingAfter: 500 }], 500),
  ]);
  const r2 = collectionEvents(receivable('R2', 'c-2', 'rep-1', 'east'));
  kit.given('receivable-R2', [
    r2.opened([{ installmentNo: 1, dueDate: '2026-04-10', amount: 1_000 }], '2026-03-01'),
    r2.followedUp('2026-04-12', 'email', 1_000, { date: '2026-04-20', amount: 1_000 }),
  ]);
  const r3 = collectionEvents(receivable('R3', 'c-3', 'rep-2', 'west'));
  kit.given('receivable-R3', [
    r3.opened([{ installmentNo: 1, dueDate: '2026-05-31', amount: 700 }], '2026-04-01'),
    r3.followedUp('2026-04-29', 'visit', 700, { date: '2026-05-05', amount: 700 }),
  ]);
}

function givenComplaints(kit: ProjectionKit): void {
  const c1 = complaintEvents(complaint('C1', 'medium', 'rep-1', 'east', '2026-04-03T01:00:00Z'));
  kit.given('complaint-C1', [c1.filed(), c1.acknowledged(2), c1.resolved(48)]);
  const c2 = complaintEvents(complaint('C2', 'high', 'rep-1', 'east', '2026-04-10T01:00:00Z'));
  kit.given('complaint-C2', [c2.filed(), c2.acknowledged(6), c2.resolved(100)]);
  kit.given('complaint-C3', [
    complaintEvents(complaint('C3', 'critical', 'rep-2', 'west', '2026-04-29T20:00:00Z')).filed(),
  ]);
  kit.given('complaint-C4', [complaintEvents(complaint('C4', 'low', 'rep-2', 'west', '2026-03-30T01:00:00Z')).filed()]);
}

function givenCustomers(kit: ProjectionKit): void {
  kit.given('customer-K1', [registered(customer('K1', 'rep-1', 'east'), '2025-03-01T02:00:00Z')]);
  const k2 = customer('K2', 'rep-1', 'east');
  kit.given('customer-K2', [registered(k2, '2025-06-01T02:00:00Z'), profileReviewed(k2, '2026-02-01T02:00:00Z')]);
  kit.given('customer-K3', [registered(customer('K3', 'rep-2', 'west'), '2026-04-15T02:00:00Z')]);
  kit.given('customer-K4', [registered(customer('K4', 'rep-2', 'west'), '2026-05-02T02:00:00Z')]);
}

const zero = {
  overdue_receivables: 0,
  overdue_followed_up: 0,
  overdue_follow_up_share: null,
  promises_due: 0,
  promises_kept: 0,
  promises_broken: 0,
  promise_kept_rate: null,
  complaints: 0,
  acknowledged_within_sla: 0,
  acknowledged_within_sla_rate: null,
  resolved_within_sla: 0,
  resolved_within_sla_rate: null,
  active_customers: 0,
  profiles_reviewed: 0,
  profiles_reviewed_rate: null,
  deliveries: 0,
  deliveries_on_time: 0,
  on_time_delivery_rate: null,
  orders_placed: 0,
  orders_needing_approval: 0,
  approval_share: null,
};

// April 2026 by hand (end of 30 April in Shanghai is 15:59:59.999Z).
const rep1: SupervisionRow = {
  ...zero,
  key: 'rep-1',
  // R1 (500 of #1 still due) followed up 25 Apr, within 24-30 Apr; R2 last followed up 12 Apr: 1 of 2.
  overdue_receivables: 2,
  overdue_followed_up: 1,
  overdue_follow_up_share: 0.5,
  // R1 promised 500 by 28 Apr, paid 500 on 27 Apr: kept. R2 promised 1000 by 20 Apr, nothing paid: broken.
  promises_due: 2,
  promises_kept: 1,
  promises_broken: 1,
  promise_kept_rate: 0.5,
  // C1 (medium: 8h, 5d) acknowledged at 2h, resolved at 48h; C2 (high: 4h, 3d) at 6h and 100h: both late.
  complaints: 2,
  acknowledged_within_sla: 1,
  acknowledged_within_sla_rate: 0.5,
  resolved_within_sla: 1,
  resolved_within_sla_rate: 0.5,
  // K1 last reviewed at registration 1 Mar 2025 (due 1 Mar 2026); K2 reviewed 1 Feb 2026.
  active_customers: 2,
  profiles_reviewed: 1,
  profiles_reviewed_rate: 0.5,
  // A1 delivered 18 Apr for 20 Apr, A2 on 22 Apr: late.
  deliveries: 2,
  deliveries_on_time: 1,
  on_time_delivery_rate: 0.5,
  // A1 needed approval, A2 did not; A3 was placed in March.
  orders_placed: 2,
  orders_needing_approval: 1,
  approval_share: 0.5,
};
const rep2: SupervisionRow = {
  ...zero,
  key: 'rep-2',
  // C3 (critical: 1h, 1d) filed 29 Apr 20:00Z, unacknowledged 20 hours later; C4 was filed in March. R3's promise is for May.
  complaints: 1,
  acknowledged_within_sla: 0,
  acknowledged_within_sla_rate: 0,
  resolved_within_sla: 0,
  resolved_within_sla_rate: 0,
  // K3 registered 15 Apr (registration is a review); K4 registers in May.
  active_customers: 1,
  profiles_reviewed: 1,
  profiles_reviewed_rate: 1,
  orders_placed: 1,
  orders_needing_approval: 1,
  approval_share: 1,
};

describe('supervision report', () => {
  let db: Database.Database;
  const lag = () => 0;
  const april = (extra: Partial<SupervisionFilter> = {}) =>
    querySupervision(db, lag, {
      month: '2026-04',
      asOf: '2026-04-30',
      asOfInstant: '2026-04-30T15:59:59.999Z',
      groupBy: 'rep',
      ...extra,
    });

  beforeAll(() => {
    const kit = projectionKit(allProjections);
    givenOrders(kit);
    givenReceivables(kit);
    givenComplaints(kit);
    givenCustomers(kit);
    db = kit.readModels();
  });

  it('computes every figure per rep by hand', () => {
    const result = april();
    expect(result.lag).toBe(0);
    expect(result.position).not.toBeNull();
    expect(result.rows).toEqual([rep1, rep2]);
  });

  it('groups by region the same records', () => {
    expect(april({ groupBy: 'region' }).rows).toEqual([
      { ...rep1, key: 'east' },
      { ...rep2, key: 'west' },
    ]);
  });

  it('narrows to a rep or a region', () => {
    expect(april({ scope: { repId: 'rep-2' } }).rows).toEqual([rep2]);
    expect(april({ scope: { region: 'east' }, groupBy: 'region' }).rows).toEqual([{ ...rep1, key: 'east' }]);
  });

  it('measures a month not yet over up to its day D', () => {
    const [first] = april({ asOf: '2026-04-20', asOfInstant: '2026-04-20T15:59:59.999Z' }).rows;
    // On 20 Apr R2's promise is due that day and unpaid: open, neither kept nor broken; R1's is for 28 Apr.
    expect(first).toMatchObject({
      key: 'rep-1',
      promises_due: 1,
      promises_kept: 0,
      promises_broken: 0,
      promise_kept_rate: null,
    });
    // R2 due 10 Apr, last followed up 12 Apr: not within 14-20 Apr. R1 (due 31 Mar) had no follow-up yet.
    expect(first).toMatchObject({ overdue_receivables: 2, overdue_followed_up: 0, overdue_follow_up_share: 0 });
    // A1 delivered 18 Apr; A2 not yet. C2 resolved at 100h (14 Apr 05:00Z) is resolved but late.
    expect(first).toMatchObject({ deliveries: 1, deliveries_on_time: 1, complaints: 2, resolved_within_sla: 1 });
  });

  it('refuses a day outside the month', () => {
    expect(() => april({ asOf: '2026-05-01' })).toThrow(RangeError);
  });
});
