import { OrderId, QuotationId } from '../shared/ids.js';
import { quotedOrder } from './quoted-order.js';
import { evolve, initialState, type OpportunityState } from './state.js';
import * as t from './testing.js';

const stateOf = (events: Parameters<typeof evolve>[1][]): OpportunityState => events.reduce(evolve, initialState());
const ORDER = OrderId.parse('q-1');

describe('quotedOrder', () => {
  it("places the quotation's lines at their quoted price and discount, with its terms, for the opportunity's customer and rep", () => {
    const state = stateOf([t.opened(), t.sent()]);
    if (state.status === 'none') throw new Error('opened');
    expect(quotedOrder(state, t.QUOTE, ORDER)).toEqual({
      orderId: ORDER,
      customerId: t.CUSTOMER,
      repId: t.REP,
      region: t.EAST,
      currency: t.CNY,
      lines: [
        { lineId: 'l1', sku: 'P-100', description: 'Pump P-100', quantity: 10, unitPrice: 4_800_000, discountBp: 0 },
      ],
      promisedDeliveryDate: '2026-04-30',
      paymentTerms: { kind: 'net', days: 30 },
    });
  });

  it('is null for a quotation the opportunity never sent', () => {
    const state = stateOf([t.opened(), t.sent()]);
    if (state.status === 'none') throw new Error('opened');
    expect(quotedOrder(state, QuotationId.parse('q-2'), ORDER)).toBeNull();
  });
});
