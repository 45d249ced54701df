import { isRight } from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import { createEventRegistry } from '../shared/event-registry.js';
import golden from '../../golden/order.json' with { type: 'json' };
import { CustomerSnapshot } from './customer-snapshot.js';
import {
  ClosedLine,
  OrderAmended,
  OrderCancelled,
  OrderClosed,
  OrderConfirmed,
  OrderDelivered,
  OrderDiscountApproved,
  orderEventDefinitions,
  OrderPlaced,
  OrderShipmentRecorded,
  ShippedLine,
} from './events.js';
import { CNY, customer } from './testing.js';

const schemas: Record<string, z.ZodType> = {
  OrderPlaced,
  OrderDiscountApproved,
  OrderConfirmed,
  OrderAmended,
  OrderShipmentRecorded,
  OrderDelivered,
  OrderCancelled,
  OrderClosed,
};

describe('Order events', () => {
  const registry = createEventRegistry(orderEventDefinitions);

  it('defines every event once, at version 1', () => {
    expect(registry.types).toEqual(Object.keys(schemas));
    expect(orderEventDefinitions.every((d) => d.version === 1 && d.schema === schemas[d.type])).toBe(true);
  });

  it('golden events cover every type and decode through the registry', () => {
    expect(new Set(golden.map((g) => g.type))).toEqual(new Set(Object.keys(schemas)));
    for (const entry of golden) {
      expect(isRight(registry.decode(entry.type, entry.data, entry.version))).toBe(true);
    }
  });

  it('validates shipped and closed lines', () => {
    expect(ShippedLine.safeParse({ lineId: 'l1', sku: 'A', quantity: 0, shippedTotal: 0, ordered: 1 }).success).toBe(
      false,
    );
    expect(
      ClosedLine.safeParse({ lineId: 'l1', sku: 'A', orderedBefore: 3, shipped: 1, closedQuantity: 2 }).success,
    ).toBe(true);
  });

  it('rejects event data that lost a required fact', () => {
    const delivered = golden.find((g) => g.type === 'OrderDelivered');
    const { delayDays: _dropped, ...rest } = (delivered?.data ?? {}) as Record<string, unknown>;
    expect(OrderDelivered.safeParse(rest).success).toBe(false);
  });
});

describe('CustomerSnapshot', () => {
  it('accepts what the command handler loads and rejects a negative receivable balance', () => {
    expect(CustomerSnapshot.safeParse(customer({ creditLimit: { amount: 100, currency: CNY } })).success).toBe(true);
    expect(CustomerSnapshot.safeParse(customer({ openReceivables: -1 })).success).toBe(false);
  });
});
