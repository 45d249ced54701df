import { deciderSpec } from '../../testing/decider-spec.js';
import { registeredOrderDecider as orderDecider } from '../testing.js';
import type { OrderCommand } from '../commands.js';
import {
  analyst,
  customer,
  EAST,
  eastManager,
  line,
  line2,
  orderPlaced,
  otherRep,
  placeOrder,
  rep,
  salesManager,
  system,
  WEST,
  westManager,
} from '../testing.js';

const given = deciderSpec(orderDecider);

describe('PlaceOrder', () => {
  it('places an order in the rep region with its total', () => {
    given([]).when(placeOrder()).then([orderPlaced()]);
  });

  it('refuses a second placement of the same order', () => {
    given([orderPlaced()]).when(placeOrder()).then('ORDER_ALREADY_PLACED');
  });

  it('takes an explicit sales region over the rep region', () => {
    const [event] = given([])
      .when(placeOrder({ region: WEST }, salesManager))
      .then([orderPlaced(undefined, { region: WEST, discountLimitBp: 10_000 })]);
    expect(event?.type).toBe('OrderPlaced');
  });

  it('defaults the region to the customer home region when a manager places for the owner rep', () => {
    given([])
      .when(placeOrder({}, salesManager, customer({ homeRegion: WEST })))
      .then([orderPlaced(undefined, { region: WEST, discountLimitBp: 10_000 })]);
  });

  it("takes the customer's home region when none is named, and names an unknown customer to a sales manager", () => {
    const placed = orderDecider.decide(placeOrder({ repId: otherRep.id }, salesManager), orderDecider.initialState());
    expect(
      placed._tag === 'Right' && placed.right.map((event) => event.type === 'OrderPlaced' && event.data.region),
    ).toEqual([EAST]);
    given([])
      .when(placeOrder({ repId: otherRep.id }, salesManager, null))
      .then('ORDER_CUSTOMER_NOT_FOUND');
  });

  it('lets a rep place orders only as themselves', () => {
    given([])
      .when(placeOrder({ region: EAST }, otherRep))
      .then('FORBIDDEN_SCOPE');
  });

  it('lets a regional manager place orders only in their region', () => {
    given([])
      .when(placeOrder({ region: EAST }, westManager))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(placeOrder({ region: EAST }, eastManager))
      .then([orderPlaced(undefined, { discountLimitBp: 2_500 })]);
  });

  it('refuses roles that do not sell', () => {
    given([])
      .when(placeOrder({ region: EAST }, analyst))
      .then('ORDER_NOT_AUTHORIZED');
  });

  it('refuses an unknown or deactivated customer', () => {
    given([])
      .when(placeOrder({}, rep, null))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(placeOrder({}, rep, customer({ status: 'deactivated' })))
      .then('ORDER_CUSTOMER_INACTIVE');
  });

  it('does not check credit at placing (confirming books the order)', () => {
    const snapshot = customer({
      creditLimit: { amount: 1, currency: orderPlaced().data.currency },
      openReceivables: 5,
    });
    given([])
      .when(placeOrder({}, rep, snapshot))
      .then([orderPlaced()]);
  });

  describe('discount limits', () => {
    const discounted = (bp: number) => [line({ discountBp: bp }), line2()];
    const total = (bp: number) => 10_000 - bp + 1_000;

    it('a rep grants up to 1000 bp without approval', () => {
      given([])
        .when(placeOrder({ lines: discounted(1_000) }))
        .then([orderPlaced(discounted(1_000), { total: total(1_000), maxDiscountBp: 1_000 })]);
    });

    it('a rep discount above 1000 bp awaits approval', () => {
      given([])
        .when(placeOrder({ lines: discounted(1_001) }))
        .then([orderPlaced(discounted(1_001), { total: total(1_001), maxDiscountBp: 1_001, approvalRequired: true })]);
    });

    it('a regional manager grants up to 2500 bp', () => {
      const expected = (bp: number, approvalRequired: boolean) =>
        orderPlaced(discounted(bp), { total: total(bp), maxDiscountBp: bp, discountLimitBp: 2_500, approvalRequired });
      given([])
        .when(placeOrder({ lines: discounted(2_500), region: EAST }, eastManager))
        .then([expected(2_500, false)]);
      given([])
        .when(placeOrder({ lines: discounted(2_501), region: EAST }, eastManager))
        .then([expected(2_501, true)]);
    });

    it('a sales manager or an import grants any discount', () => {
      const lines = discounted(10_000);
      given([])
        .when(placeOrder({ lines }, salesManager))
        .then([orderPlaced(lines, { total: 1_000, maxDiscountBp: 10_000, discountLimitBp: 10_000 })]);
      given([])
        .when(placeOrder({ lines, region: EAST }, system))
        .then([orderPlaced(lines, { total: 1_000, maxDiscountBp: 10_000, discountLimitBp: 10_000 })]);
    });
  });

  it('throws on a command type the decider does not know (a programming error, not a business rule)', () => {
    const unknown = { ...placeOrder({}, salesManager), type: 'ShipToMars' } as unknown as OrderCommand;
    expect(() => orderDecider.decide(unknown, orderDecider.initialState())).toThrow('Unhandled case');
  });
});
