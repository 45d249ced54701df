import { isLeft } from 'fp-ts/lib/Either.js';
import { fold } from '../shared/decider.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { OrderCommand } from './commands.js';
import type { OrderEvent } from './events.js';
import { effectiveDiscountBp } from './price-control.js';
import {
  amendOrder,
  approveDiscount,
  eastManager,
  id,
  line,
  line2,
  orderConfirmed,
  orderPlaced,
  registeredOrderDecider,
  rep,
  salesManager,
} from './testing.js';

const given = deciderSpec(registeredOrderDecider);
/** The events a command decides to, failing the test on a refusal. */
const decided = (history: readonly OrderEvent[], command: OrderCommand): readonly OrderEvent[] => {
  const result = registeredOrderDecider.decide(command, fold(registeredOrderDecider, history));
  if (isLeft(result)) throw new Error(`refused: ${result.left.code}`);
  return result.right;
};
const placedAt10000 = [orderPlaced([line({ unitPrice: 10_000 }), line2()])];

describe('price control: a price below the agreed one is a discount', () => {
  it('measures a price cut and a discount together against the agreed price', () => {
    expect(effectiveDiscountBp({ unitPrice: 10_000, discountBp: 0 }, 10_000)).toBe(0);
    expect(effectiveDiscountBp({ unitPrice: 1, discountBp: 0 }, 10_000)).toBe(9_999);
    expect(effectiveDiscountBp({ unitPrice: 9_000, discountBp: 1_000 }, 10_000)).toBe(1_900);
    // A price rise never hides a discount: the line's own discountBp is the floor.
    expect(effectiveDiscountBp({ unitPrice: 20_000, discountBp: 5_000 }, 10_000)).toBe(5_000);
    expect(effectiveDiscountBp({ unitPrice: 500, discountBp: 0 }, 0)).toBe(0);
  });

  it("abuse 4: refuses a rep cutting a confirmed order's price from 10000 to 1", () => {
    const confirmed = [...placedAt10000, orderConfirmed([line({ unitPrice: 10_000 }), line2()], 11_000)];
    const error = given(confirmed)
      .when(amendOrder({ lines: [line({ unitPrice: 1 }), line2()] }))
      .thenError('ORDER_DISCOUNT_ABOVE_LIMIT');
    expect(error.details).toEqual({ maxDiscountBp: 9_999, limitBp: 1_000 });
  });

  it("sends an unconfirmed order with a price cut above the rep's limit back for approval, which must cover the cut", () => {
    const amended = decided(placedAt10000, amendOrder({ lines: [line({ unitPrice: 7_000 }), line2()] }));
    expect(amended.map((event) => event.type === 'OrderAmended' && event.data.approvalRequired)).toEqual([true]);
    const history = [...placedAt10000, ...amended];
    expect(fold(registeredOrderDecider, history).status).toBe('awaiting_approval');
    given(history).when(approveDiscount(eastManager)).then('ORDER_APPROVER_LIMIT_TOO_LOW');
    const approved = decided(history, approveDiscount(salesManager));
    expect(approved.map((event) => event.type === 'OrderDiscountApproved' && event.data.approvedDiscountBp)).toEqual([
      3_000,
    ]);
  });

  it("lets a price cut within the rep's limit through, and a re-added line keeps the sku's agreed price", () => {
    const within = decided(placedAt10000, amendOrder({ lines: [line({ unitPrice: 9_500 }), line2()] }, rep));
    expect(within.map((event) => event.type === 'OrderAmended' && event.data.approvalRequired)).toEqual([false]);
    const readded = [line({ lineId: id.line('l9'), unitPrice: 5_000 }), line2()];
    const cheaper = decided(placedAt10000, amendOrder({ lines: readded }, rep));
    expect(cheaper.map((event) => event.type === 'OrderAmended' && event.data.approvalRequired)).toEqual([true]);
  });
});
