import type { TestEvent } from '../testing/stored-events.js';

/** A line of a test order: sku, quantity, unit price (minor units) and discount (bp). */
export interface KpiLine {
  readonly lineId: string;
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: number;
  readonly discountBp: number;
}

/** A test order and whom it is attributed to. */
export interface KpiOrder {
  readonly orderId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly region: string;
  readonly currency: string;
  readonly segment: string;
}

const full = (lines: readonly KpiLine[]) => lines.map((l) => ({ ...l, description: `item ${l.sku}` }));
const who = (o: KpiOrder) => ({
  orderId: o.orderId,
  customerId: o.customerId,
  repId: o.repId,
  region: o.region,
  currency: o.currency,
});
const terms = { kind: 'net', days: 30 };

/** Order events with valid data (amounts given by the test, so the spec states its arithmetic). */
export const orderEvents = (o: KpiOrder) => ({
  confirmed: (lines: readonly KpiLine[], bookedTotal: number, at: string, promised = '2026-04-20'): TestEvent => ({
    type: 'OrderConfirmed',
    at,
    data: {
      ...who(o),
      segment: o.segment,
      lines: full(lines),
      bookedTotal,
      promisedDeliveryDate: promised,
      paymentTerms: terms,
      creditCheck: { creditLimit: null, openReceivables: 0, orderTotal: bookedTotal },
      confirmedAt: at,
      revision: 2,
    },
  }),
  amended: (
    before: readonly KpiLine[],
    after: readonly KpiLine[],
    totals: [number, number],
    bookedDelta: number,
    at: string,
    promised: [string, string] = ['2026-04-20', '2026-04-20'],
  ): TestEvent => ({
    type: 'OrderAmended',
    at,
    data: {
      ...who(o),
      revision: 3,
      linesBefore: full(before),
      linesAfter: full(after),
      promisedDeliveryDateBefore: promised[0],
      promisedDeliveryDateAfter: promised[1],
      totalBefore: totals[0],
      totalAfter: totals[1],
      bookedDelta,
      approvalRequired: false,
      reason: 'customer asked',
      customerConfirmationRef: 'mail-1',
      amendedAt: at,
    },
  }),
  cancelled: (wasConfirmed: boolean, bookedReversed: number, at: string): TestEvent => ({
    type: 'OrderCancelled',
    at,
    data: { ...who(o), wasConfirmed, bookedReversed, reason: 'customer withdrew', cancelledAt: at },
  }),
  closed: (
    lines: ReadonlyArray<{ lineId: string; sku: string; orderedBefore: number; shipped: number }>,
    totals: [number, number],
    at: string,
  ): TestEvent => ({
    type: 'OrderClosed',
    at,
    data: {
      ...who(o),
      lines: lines.map((l) => ({ ...l, closedQuantity: l.orderedBefore - l.shipped })),
      totalBefore: totals[0],
      totalAfter: totals[1],
      bookedDelta: totals[1] - totals[0],
      reason: 'rest out of stock',
      closedAt: at,
    },
  }),
  shipped: (
    shipmentId: string,
    shippedOn: string,
    lines: ReadonlyArray<{ lineId: string; sku: string; quantity: number; ordered: number }>,
  ): TestEvent => ({
    type: 'OrderShipmentRecorded',
    at: `${shippedOn}T02:00:00Z`,
    data: {
      ...who(o),
      shipmentId,
      shippedOn,
      lines: lines.map((l) => ({ ...l, shippedTotal: l.quantity })),
      fullyShipped: true,
      recordedAt: `${shippedOn}T02:00:00Z`,
    },
  }),
  delivered: (deliveredOn: string, promised: string, total: number): TestEvent => {
    const delayDays = Math.max(0, (Date.parse(deliveredOn) - Date.parse(promised)) / 86_400_000);
    return {
      type: 'OrderDelivered',
      at: `${deliveredOn}T03:00:00Z`,
      data: {
        ...who(o),
        deliveredOn,
        promisedDeliveryDate: promised,
        onTime: delayDays === 0,
        delayDays,
        total,
        paymentTerms: terms,
      },
    };
  },
});

/** A test receivable and whom it is attributed to. */
export interface KpiReceivable {
  readonly receivableId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly region: string;
  readonly currency: string;
}

type Alloc = { installmentNo: number; dueDate: string; amount: number; outstandingAfter: number };

/** Receivable events; `outstanding` after each event is given by the test. */
export const receivableEvents = (r: KpiReceivable) => ({
  opened: (
    installments: ReadonlyArray<{ installmentNo: number; dueDate: string; amount: number }>,
    issueDate: string,
  ): TestEvent => {
    const amount = installments.reduce((s, i) => s + i.amount, 0);
    const dueDate = installments[installments.length - 1]?.dueDate ?? issueDate;
    return {
      type: 'ReceivableOpened',
      at: `${issueDate}T01:00:00Z`,
      data: { ...r, outstanding: amount, amount, issueDate, dueDate, installments, openedAt: `${issueDate}T01:00:00Z` },
    };
  },
  paid: (paymentId: string, receivedOn: string, allocations: readonly Alloc[], outstanding: number): TestEvent => ({
    type: 'PaymentReceived',
    at: `${receivedOn}T04:00:00Z`,
    data: {
      ...r,
      outstanding,
      paymentId,
      amount: allocations.reduce((s, a) => s + a.amount, 0),
      method: 'bank_transfer',
      receivedOn,
      installmentNo: null,
      allocations,
      recordedAt: `${receivedOn}T04:00:00Z`,
    },
  }),
  reversed: (
    paymentId: string,
    receivedOn: string,
    reversedOn: string,
    allocations: readonly Alloc[],
    outstanding: number,
  ): TestEvent => ({
    type: 'PaymentReversed',
    at: `${reversedOn}T05:00:00Z`,
    data: {
      ...r,
      outstanding,
      paymentId,
      amount: allocations.reduce((s, a) => s + a.amount, 0),
      reason: 'bounced',
      receivedOn,
      reversedOn,
      allocations,
      reopened: false,
      recordedAt: `${reversedOn}T05:00:00Z`,
    },
  }),
  credited: (
    creditNoteId: string,
    creditedOn: string,
    allocations: readonly Alloc[],
    outstanding: number,
  ): TestEvent => ({
    type: 'CreditNoteIssued',
    at: `${creditedOn}T06:00:00Z`,
    data: {
      ...r,
      outstanding,
      creditNoteId,
      amount: allocations.reduce((s, a) => s + a.amount, 0),
      reason: 'damaged',
      creditedOn,
      allocations,
      issuedBy: 'fin-1',
      issuedAt: `${creditedOn}T06:00:00Z`,
    },
  }),
  writtenOff: (writtenOffOn: string, allocations: readonly Alloc[]): TestEvent => ({
    type: 'ReceivableWrittenOff',
    at: `${writtenOffOn}T07:00:00Z`,
    data: {
      ...r,
      outstanding: 0,
      amount: allocations.reduce((s, a) => s + a.amount, 0),
      reason: 'bankrupt',
      requestedBy: 'fin-1',
      approvedBy: 'sm-1',
      approverRole: 'sales_manager',
      writtenOffOn,
      allocations,
      approvedAt: `${writtenOffOn}T07:00:00Z`,
    },
  }),
});

/** SalesTargetSet (or SalesTargetRevised when `previousAmount` is given). */
export const targetEvent = (
  month: string,
  scope: 'rep' | 'region',
  scopeId: string,
  region: string,
  currency: string,
  amount: number,
  previousAmount?: number,
): TestEvent =>
  previousAmount === undefined
    ? {
        type: 'SalesTargetSet',
        at: `${month}-01T01:00:00Z`,
        data: {
          period: month,
          measure: 'booked',
          scope,
          scopeId,
          region,
          currency,
          amount,
          setBy: 'sm-1',
          setAt: `${month}-01T01:00:00Z`,
        },
      }
    : {
        type: 'SalesTargetRevised',
        at: `${month}-02T01:00:00Z`,
        data: {
          period: month,
          measure: 'booked',
          scope,
          scopeId,
          region,
          currency,
          amount,
          previousAmount,
          reason: 'market',
          revisedBy: 'sm-1',
          revisedAt: `${month}-02T01:00:00Z`,
        },
      };
