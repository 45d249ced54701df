import {
  AmendOrder,
  ApproveDiscount,
  CancelOrder,
  CloseOrder,
  ConfirmDelivery,
  ConfirmOrder,
  orderCommandSchemas,
  PlaceOrder,
  RecordShipment,
  ShipmentLine,
} from './commands.js';
import { AdvanceTerms, InstallmentTerms, NetTerms, PaymentTerms, PlanInstallment } from './payment-terms.js';
import { line, placeOrderData } from './testing.js';

const raw = (overrides: Record<string, unknown> = {}) => ({
  ...JSON.parse(JSON.stringify(placeOrderData())),
  ...overrides,
});
const issuePaths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.map(String).join('.'));
const lineWith = (overrides: Record<string, unknown>) => ({ ...JSON.parse(JSON.stringify(line())), ...overrides });

describe('PlaceOrder schema', () => {
  it('accepts a valid order as a client sends it', () => {
    expect(PlaceOrder.safeParse(raw()).success).toBe(true);
    expect(PlaceOrder.safeParse(raw({ region: 'west', paymentTerms: { kind: 'advance' } })).success).toBe(true);
  });

  it('rejects unknown fields, at the top and in lines', () => {
    expect(PlaceOrder.safeParse(raw({ inputs: {} })).success).toBe(false);
    expect(PlaceOrder.safeParse(raw({ lines: [lineWith({ shipped: 3 })] })).success).toBe(false);
  });

  it('needs at least one line', () => {
    const result = PlaceOrder.safeParse(raw({ lines: [] }));
    expect(issuePaths(result)).toEqual(['lines']);
    expect(result.error?.issues[0]?.message).toBe('an order needs at least one line');
  });

  it.each([
    ['quantity', 0],
    ['quantity', -1],
    ['quantity', 1.5],
    ['unitPrice', -1],
    ['unitPrice', 0.5],
    ['discountBp', -1],
    ['discountBp', 10_001],
    ['description', ' '],
    ['sku', 'bad sku!'],
  ])('rejects line %s = %p naming the field', (field, value) => {
    expect(issuePaths(PlaceOrder.safeParse(raw({ lines: [lineWith({ [field]: value })] })))).toEqual([
      `lines.0.${field}`,
    ]);
  });

  it('accepts the edges: price 0, discount 0 and 10000 bp', () => {
    expect(PlaceOrder.safeParse(raw({ lines: [lineWith({ unitPrice: 0, discountBp: 10_000 })] })).success).toBe(true);
  });

  it('rejects duplicate line ids and totals beyond safe integers', () => {
    expect(issuePaths(PlaceOrder.safeParse(raw({ lines: [lineWith({}), lineWith({})] })))).toEqual(['lines.1.lineId']);
    const huge = lineWith({ quantity: 1_000_000_000, unitPrice: 1_000_000_000 });
    expect(PlaceOrder.safeParse(raw({ lines: [huge] })).error?.issues[0]?.message).toMatch(/too large/);
  });

  it('rejects bad currency, dates and ids naming the field', () => {
    expect(issuePaths(PlaceOrder.safeParse(raw({ currency: 'XXQ' })))).toEqual(['currency']);
    expect(issuePaths(PlaceOrder.safeParse(raw({ promisedDeliveryDate: '2026-02-30x' })))).toEqual([
      'promisedDeliveryDate',
    ]);
    expect(issuePaths(PlaceOrder.safeParse(raw({ orderId: '' })))).toEqual(['orderId']);
  });
});

describe('PaymentTerms schema', () => {
  it('accepts net days, advance and installment plans that add up to 10000 bp', () => {
    expect(PaymentTerms.safeParse({ kind: 'net', days: 30 }).success).toBe(true);
    expect(PaymentTerms.safeParse({ kind: 'advance' }).success).toBe(true);
    const plan = [
      { dueInDays: 0, shareBp: 3_000 },
      { dueInDays: 30, shareBp: 7_000 },
    ];
    expect(PaymentTerms.safeParse({ kind: 'installments', plan }).success).toBe(true);
  });

  it('exports each variant schema', () => {
    expect(NetTerms.safeParse({ kind: 'net', days: 0 }).success).toBe(true);
    expect(AdvanceTerms.safeParse({ kind: 'advance' }).success).toBe(true);
    expect(
      InstallmentTerms.safeParse({ kind: 'installments', plan: [{ dueInDays: 10, shareBp: 10_000 }] }).success,
    ).toBe(true);
    expect(issuePaths(PlanInstallment.safeParse({ dueInDays: 10, shareBp: 0 }))).toEqual(['shareBp']);
  });

  it('rejects shares that do not add up, days out of order, empty plans, bad days and unknown kinds', () => {
    const plan = (...parts: [number, number][]) => ({
      kind: 'installments',
      plan: parts.map(([dueInDays, shareBp]) => ({ dueInDays, shareBp })),
    });
    expect(PaymentTerms.safeParse(plan([0, 3_000], [30, 6_000])).error?.issues[0]?.message).toMatch(/add up to 10000/);
    expect(issuePaths(PaymentTerms.safeParse(plan([30, 5_000], [30, 5_000])))).toEqual(['plan.1.dueInDays']);
    expect(PaymentTerms.safeParse(plan()).success).toBe(false);
    expect(issuePaths(PaymentTerms.safeParse({ kind: 'net', days: -1 }))).toEqual(['days']);
    expect(PaymentTerms.safeParse({ kind: 'net', days: 30, extra: 1 }).success).toBe(false);
    expect(PaymentTerms.safeParse({ kind: 'cod' }).success).toBe(false);
  });
});

describe('AmendOrder schema', () => {
  const amendment = {
    orderId: 'o-1',
    reason: 'more bolts',
    customerConfirmationRef: 'PO-77 rev 2',
    promisedDeliveryDate: '2026-04-01',
  };

  it('accepts a date change or new lines with reason and confirmation reference', () => {
    expect(AmendOrder.safeParse(amendment).success).toBe(true);
    expect(AmendOrder.safeParse({ ...amendment, promisedDeliveryDate: undefined, lines: [lineWith({})] }).success).toBe(
      true,
    );
  });

  it('needs a change, a reason and a confirmation reference', () => {
    expect(issuePaths(AmendOrder.safeParse({ ...amendment, promisedDeliveryDate: undefined }))).toEqual(['lines']);
    expect(issuePaths(AmendOrder.safeParse({ ...amendment, reason: '' }))).toEqual(['reason']);
    expect(issuePaths(AmendOrder.safeParse({ ...amendment, customerConfirmationRef: undefined }))).toEqual([
      'customerConfirmationRef',
    ]);
    expect(issuePaths(AmendOrder.safeParse({ ...amendment, lines: [] }))).toEqual(['lines']);
    expect(AmendOrder.safeParse({ ...amendment, revision: 2 }).success).toBe(false);
  });
});

describe('RecordShipment schema', () => {
  const shipment = {
    orderId: 'o-1',
    shipmentId: 's-1',
    shippedOn: '2026-03-10',
    lines: [{ lineId: 'l1', quantity: 2 }],
  };

  it('accepts per-line quantities', () => {
    expect(RecordShipment.safeParse(shipment).success).toBe(true);
  });

  it('rejects zero quantities, repeated lines and empty shipments', () => {
    expect(issuePaths(RecordShipment.safeParse({ ...shipment, lines: [{ lineId: 'l1', quantity: 0 }] }))).toEqual([
      'lines.0.quantity',
    ]);
    expect(
      issuePaths(RecordShipment.safeParse({ ...shipment, lines: [shipment.lines[0], shipment.lines[0]] })),
    ).toEqual(['lines']);
    expect(RecordShipment.safeParse({ ...shipment, lines: [] }).success).toBe(false);
  });
});

describe('orderCommandSchemas', () => {
  it('maps each command type to its named schema', () => {
    expect(orderCommandSchemas).toEqual({
      PlaceOrder,
      ApproveDiscount,
      ConfirmOrder,
      AmendOrder,
      RecordShipment,
      ConfirmDelivery,
      CancelOrder,
      CloseOrder,
    });
    expect(ShipmentLine.safeParse({ lineId: 'l1', quantity: 1 }).success).toBe(true);
  });

  it('lists every command and each rejects unknown fields', () => {
    expect(Object.keys(orderCommandSchemas).sort()).toEqual([
      'AmendOrder',
      'ApproveDiscount',
      'CancelOrder',
      'CloseOrder',
      'ConfirmDelivery',
      'ConfirmOrder',
      'PlaceOrder',
      'RecordShipment',
    ]);
    for (const schema of Object.values(orderCommandSchemas)) {
      expect(schema.safeParse({ orderId: 'o-1', unknownField: true }).success).toBe(false);
    }
  });

  it('requires a reason to cancel or close, and a delivery date', () => {
    expect(issuePaths(orderCommandSchemas.CancelOrder.safeParse({ orderId: 'o-1' }))).toEqual(['reason']);
    expect(issuePaths(orderCommandSchemas.CloseOrder.safeParse({ orderId: 'o-1', reason: '  ' }))).toEqual(['reason']);
    expect(issuePaths(orderCommandSchemas.ConfirmDelivery.safeParse({ orderId: 'o-1' }))).toEqual(['deliveredOn']);
  });
});
