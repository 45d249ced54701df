import type { KpiOrder } from '../kpi/kpi-events.testing.js';
import type { TestEvent } from '../testing/stored-events.js';

const line = { lineId: 'l1', sku: 'SKU-1', description: 'bolts', quantity: 10, unitPrice: 100, discountBp: 1_500 };
const who = (o: KpiOrder) => ({
  orderId: o.orderId,
  customerId: o.customerId,
  repId: o.repId,
  region: o.region,
  currency: o.currency,
});

/** Order placement and discount approval events (valid against the domain's schemas) for supervision specs. */
export const approvalEvents = (o: KpiOrder) => ({
  placed: (placedAt: string, approvalRequired: boolean, promised = '2026-04-20'): TestEvent => ({
    type: 'OrderPlaced',
    at: placedAt,
    data: {
      ...who(o),
      lines: [line],
      promisedDeliveryDate: promised,
      paymentTerms: { kind: 'net', days: 30 },
      total: 850,
      maxDiscountBp: 1_500,
      discountLimitBp: approvalRequired ? 1_000 : 2_000,
      approvalRequired,
      placedAt,
      revision: 1,
    },
  }),
  approved: (approvedAt: string): TestEvent => ({
    type: 'OrderDiscountApproved',
    at: approvedAt,
    data: {
      orderId: o.orderId,
      approvedBy: 'rm-1',
      approverRole: 'regional_manager',
      approverLimitBp: 2_000,
      approvedDiscountBp: 1_500,
      approvedAt,
      revision: 2,
    },
  }),
});

/** WriteOffRequested for a test receivable (with the fields every receivable event carries). */
export const writeOffRequested = (
  r: { receivableId: string; orderId: string; customerId: string; repId: string; region: string; currency: string },
  outstanding: number,
  requestedAt: string,
): TestEvent => ({
  type: 'WriteOffRequested',
  at: requestedAt,
  data: {
    ...r,
    outstanding,
    reason: 'customer bankrupt',
    requestedBy: r.repId,
    requesterRole: 'sales_rep',
    requestedAt,
  },
});
