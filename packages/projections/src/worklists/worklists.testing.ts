import type Database from 'better-sqlite3';
import type { KpiOrder, KpiReceivable } from '../kpi/kpi-events.testing.js';
import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import type { TestEvent } from '../testing/stored-events.js';
import { satisfactionProjection } from '../satisfaction/satisfaction.projection.js';
import { worklistsProjection } from './worklists.projection.js';

const who = (o: KpiOrder) => ({
  orderId: o.orderId,
  customerId: o.customerId,
  repId: o.repId,
  region: o.region,
  currency: o.currency,
});

/** OrderPlaced with one line of `quantity` x 100 at `discountBp`; awaiting approval when `approvalRequired`. */
export const placedOrder = (
  o: KpiOrder,
  at: string,
  promised: string,
  discountBp = 0,
  approvalRequired = false,
  quantity = 10,
): TestEvent => ({
  type: 'OrderPlaced',
  at,
  data: {
    ...who(o),
    lines: [{ lineId: 'l1', sku: 'SKU-1', description: 'bolts', quantity, unitPrice: 100, discountBp }],
    promisedDeliveryDate: promised,
    paymentTerms: { kind: 'net', days: 30 },
    total: quantity * 100,
    maxDiscountBp: discountBp,
    discountLimitBp: 1_000,
    approvalRequired,
    placedAt: at,
    revision: 1,
  },
});

/** OrderDiscountApproved by a sales manager. */
export const discountApproved = (o: KpiOrder, at: string, discountBp: number): TestEvent => ({
  type: 'OrderDiscountApproved',
  at,
  data: {
    orderId: o.orderId,
    approvedBy: 'sm-1',
    approverRole: 'sales_manager',
    approverLimitBp: 10_000,
    approvedDiscountBp: discountBp,
    approvedAt: at,
    revision: 1,
  },
});

/** OrderShipmentRecorded of `quantity` of line l1 (of `ordered`). */
export const shippedPart = (o: KpiOrder, shippedOn: string, quantity: number, ordered: number): TestEvent => ({
  type: 'OrderShipmentRecorded',
  at: `${shippedOn}T02:00:00Z`,
  data: {
    ...who(o),
    shipmentId: `s-${shippedOn}`,
    shippedOn,
    lines: [{ lineId: 'l1', sku: 'SKU-1', quantity, shippedTotal: quantity, ordered }],
    fullyShipped: quantity >= ordered,
    recordedAt: `${shippedOn}T02:00:00Z`,
  },
});

/** WriteOffRequested by `by`. */
export const writeOffRequested = (r: KpiReceivable, at: string, outstanding: number, by: string): TestEvent => ({
  type: 'WriteOffRequested',
  at,
  data: { ...r, outstanding, reason: 'customer insolvent', requestedBy: by, requesterRole: 'finance', requestedAt: at },
});

/** ReceivableDisputed. */
export const disputed = (r: KpiReceivable, at: string, outstanding: number): TestEvent => ({
  type: 'ReceivableDisputed',
  at,
  data: { ...r, outstanding, reason: 'goods damaged', disputedBy: r.repId, disputedAt: at },
});

/** The worklists read model (and satisfaction, which "my day" reads for follow-ups) over `history` (after `before` gave what it needs), projected by the test kit. */
export async function readModels(
  history: ReadonlyArray<[string, TestEvent[]]>,
  before?: (kit: ProjectionKit) => void,
): Promise<{ db: Database.Database; lag: (name: string) => number }> {
  const kit = projectionKit([worklistsProjection, satisfactionProjection]);
  before?.(kit);
  for (const [stream, events] of history) kit.given(stream, events);
  return { db: kit.readModels(), lag: () => 0 };
}
