import { isRight } from 'fp-ts/lib/Either.js';
import { facts as listFacts } from '../../pricelist/testing.js';
import { facts as promotionFacts } from '../../promotion/testing.js';
import { PriceListId, PromotionId, Sku } from '../../shared/ids.js';
import { deciderSpec } from '../../testing/decider-spec.js';
import type { PricingFacts } from '../list-pricing.js';
import type { LinePricing, OrderLineInput } from '../order-line.js';
import type { OrderCommand } from '../commands.js';
import type { OrderEvent } from '../events.js';
import {
  amendOrder,
  eastManager,
  id,
  line,
  orderConfirmed,
  placeOrder,
  registeredOrderDecider as orderDecider,
} from '../testing.js';

const given = deciderSpec(orderDecider);
const SPRING = PromotionId.parse('spring');
const A = Sku.parse('SKU-A');

/** SKU-A lists at 1000 (800 from 100 units) and SKU-B at 200 on the default list; `spring` takes 10% off SKU-A. */
const pricing = (overrides: Partial<PricingFacts> = {}): PricingFacts => ({
  on: '2026-03-01',
  segment: 'smb',
  lists: [
    {
      ...listFacts('pl-default', { level: 'default' }, { 'SKU-A': 1_000, 'SKU-B': 200 }),
      prices: {
        'SKU-A': { sku: A, unitPrice: 1_000, breaks: [{ minQuantity: 100, unitPrice: 800 }] },
        'SKU-B': { sku: Sku.parse('SKU-B'), unitPrice: 200, breaks: [] },
      },
    },
  ],
  promotions: [
    promotionFacts({ promotionId: SPRING, coverage: { skus: [A], categories: [], segments: [], regions: [] } }),
  ],
  categories: { 'SKU-A': 'bolts' },
  spent: {},
  ...overrides,
});
const unpriced = (overrides: Partial<OrderLineInput> = {}): OrderLineInput => {
  const { unitPrice: _typed, ...rest } = line();
  return { ...rest, ...overrides };
};
const placeListed = (lines: OrderLineInput[], facts: PricingFacts = pricing()) => {
  const command = placeOrder({ lines });
  return { ...command, inputs: { ...command.inputs, pricing: facts } };
};
/** The events a command decides on `history`, which must be accepted. */
const decided = (history: readonly OrderEvent[], command: OrderCommand): readonly OrderEvent[] => {
  const result = orderDecider.decide(command, history.reduce(orderDecider.evolve, orderDecider.initialState()));
  if (!isRight(result)) throw new Error(`refused: ${result.left.code}`);
  return result.right;
};
const placedData = (events: readonly OrderEvent[]) => {
  const [event] = events;
  if (event?.type !== 'OrderPlaced') throw new Error('expected OrderPlaced');
  return event.data;
};
const spring: LinePricing = {
  priceListId: PriceListId.parse('pl-default'),
  listPrice: 1_000,
  promotionId: SPRING,
  promotedPrice: 900,
  promotionDiscount: 1_000,
};

describe('PlaceOrder priced from the lists', () => {
  it('takes the list price less the promotion for a line without a price, and records list, promotion and net price', () => {
    const data = placedData(decided([], placeListed([unpriced()])));
    expect(data.lines[0]).toMatchObject({ unitPrice: 900, pricing: spring });
    expect(data).toMatchObject({ total: 9_000, maxDiscountBp: 0, approvalRequired: false });
  });

  it('takes the quantity break before the promotion, and the list price where no promotion covers the sku', () => {
    const data = placedData(
      decided(
        [],
        placeListed([
          unpriced({ quantity: 100 }),
          unpriced({ lineId: id.line('l2'), sku: Sku.parse('SKU-B'), quantity: 5 }),
        ]),
      ),
    );
    expect(data.lines.map((l) => [l.unitPrice, l.pricing?.listPrice, l.pricing?.promotionId])).toEqual([
      [720, 800, 'spring'],
      [200, 200, null],
    ]);
    expect(data.total).toBe(72_000 + 1_000);
  });

  it('refuses a line without a price that no list prices, and one without facts at all', () => {
    given([])
      .when(placeListed([unpriced({ sku: Sku.parse('SKU-X') })]))
      .then('ORDER_NO_LIST_PRICE');
    given([])
      .when(placeOrder({ lines: [unpriced()] }))
      .then('ORDER_NO_LIST_PRICE');
  });

  it("counts a typed price below the promoted one as discount against the placer's limit", () => {
    // 800 against 900 is 11.11% off: above a rep's 10%.
    const data = placedData(decided([], placeListed([unpriced({ unitPrice: 800 })])));
    expect(data).toMatchObject({ maxDiscountBp: 1_112, approvalRequired: true });
    expect(data.lines[0]?.pricing).toMatchObject({ promotedPrice: 900, promotionDiscount: 1_000 });
  });

  it('gives only the part of a promotion a typed price passes on', () => {
    const data = placedData(decided([], placeListed([unpriced({ unitPrice: 950 })])));
    expect(data.lines[0]?.pricing).toMatchObject({ promotionId: 'spring', promotionDiscount: 500 });
    expect(data.approvalRequired).toBe(false);
  });

  it('stops a promotion whose budget cannot hold the line, counting the lines before it in the same order', () => {
    const budgeted = pricing({
      promotions: [
        promotionFacts({
          promotionId: SPRING,
          budget: 1_500,
          coverage: { skus: [A], categories: [], segments: [], regions: [] },
        }),
      ],
    });
    const second = unpriced({ lineId: id.line('l2') });
    const data = placedData(decided([], placeListed([unpriced(), second], budgeted)));
    expect(data.lines.map((l) => [l.unitPrice, l.pricing?.promotionId])).toEqual([
      [900, 'spring'],
      [1_000, null],
    ]);
    const spent = placedData(decided([], placeListed([unpriced()], { ...budgeted, spent: { spring: 600 } })));
    expect(spent.lines[0]?.unitPrice).toBe(1_000);
  });

  it('refuses an order whose total at list prices is not a safe integer', () => {
    const huge = pricing({
      lists: [listFacts('pl-default', { level: 'default' }, { 'SKU-A': 9_000_000_000 })],
      promotions: [],
    });
    given([])
      .when(placeListed([unpriced({ quantity: 1_000_000_000 })], huge))
      .then('ORDER_TOTAL_TOO_LARGE');
  });
});

describe('AmendOrder priced from the lists', () => {
  const pricedLine = { ...line(), unitPrice: 900, pricing: spring };
  const placed = () => {
    const result = orderDecider.decide(placeListed([unpriced()]), orderDecider.initialState());
    if (!isRight(result)) throw new Error('placement refused');
    return [...result.right];
  };
  const withFacts = (command: ReturnType<typeof amendOrder>, facts: PricingFacts = pricing()) => ({
    ...command,
    inputs: { pricing: facts },
  });
  const added = unpriced({ lineId: id.line('l3'), sku: Sku.parse('SKU-B'), quantity: 5 });

  it("keeps a line's price and pricing when it names no price, and prices an added line from the lists", () => {
    const [event] = decided(placed(), withFacts(amendOrder({ lines: [unpriced({ quantity: 20 }), added] })));
    expect(event?.type === 'OrderAmended' && event.data.linesAfter).toEqual([
      { ...pricedLine, quantity: 20, pricing: { ...spring, promotionDiscount: 2_000 } },
      {
        ...added,
        unitPrice: 200,
        pricing: {
          priceListId: 'pl-default',
          listPrice: 200,
          promotionId: null,
          promotedPrice: 200,
          promotionDiscount: 0,
        },
      },
    ]);
  });

  it('sends an unconfirmed order back for approval when an added line is priced below list beyond the limit', () => {
    const [event] = decided(placed(), withFacts(amendOrder({ lines: [unpriced(), { ...added, unitPrice: 150 }] })));
    expect(event?.type === 'OrderAmended' && event.data.approvalRequired).toBe(true);
  });

  it('refuses it on a confirmed order unless the amender may grant it', () => {
    const confirmed = [...placed(), orderConfirmed([pricedLine], 9_000)];
    given(confirmed)
      .when(withFacts(amendOrder({ lines: [unpriced(), { ...added, unitPrice: 150 }] })))
      .then('ORDER_DISCOUNT_ABOVE_LIMIT');
    decided(confirmed, withFacts(amendOrder({ lines: [unpriced(), { ...added, unitPrice: 150 }] }, eastManager)));
  });

  it('keeps the pricing of a kept line whose price is typed again: its promotion gives what the new price passes on', () => {
    const twoLines = decided([], placeListed([unpriced(), added]));
    const [event] = decided(
      twoLines,
      withFacts(
        amendOrder({ lines: [unpriced({ unitPrice: 950 }), { ...added, unitPrice: 190 }] }),
        pricing({ promotions: [] }),
      ),
    );
    const after = event?.type === 'OrderAmended' ? event.data.linesAfter : [];
    expect(after.map((l) => [l.unitPrice, l.pricing?.promotionId, l.pricing?.promotionDiscount])).toEqual([
      [950, 'spring', 500],
      [190, null, 0],
    ]);
  });

  it("re-checks a promoted line whose quantity rises against what is left of the budget, this order's share counted once", () => {
    // The order already gives 1,000 of spring's 1,500: ten more units (1,000 more) overrun it, five (500) fit exactly.
    const budgeted = pricing({
      promotions: [
        promotionFacts({
          promotionId: SPRING,
          budget: 1_500,
          coverage: { skus: [A], categories: [], segments: [], regions: [] },
        }),
      ],
      spent: { spring: 1_000 },
    });
    given(placed())
      .when(withFacts(amendOrder({ lines: [unpriced({ quantity: 20 })] }), budgeted))
      .then('ORDER_PROMOTION_BUDGET_EXCEEDED');
    const [event] = decided(placed(), withFacts(amendOrder({ lines: [unpriced({ quantity: 15 })] }), budgeted));
    expect(event?.type === 'OrderAmended' && event.data.linesAfter[0]?.pricing?.promotionDiscount).toBe(1_500);
  });

  it("checks a rise against an ended promotion's budget too, and lets a fall or an unbudgeted promotion through", () => {
    const ended = pricing({ promotions: [], budgets: { spring: 1_200 }, spent: { spring: 1_000 } });
    given(placed())
      .when(withFacts(amendOrder({ lines: [unpriced({ quantity: 13 })] }), ended))
      .then('ORDER_PROMOTION_BUDGET_EXCEEDED');
    decided(placed(), withFacts(amendOrder({ lines: [unpriced({ quantity: 4 })] }), ended));
    decided(
      placed(),
      withFacts(amendOrder({ lines: [unpriced({ quantity: 50 })] }), pricing({ spent: { spring: 1_000 } })),
    );
  });

  it('refuses an added line without a price when no list prices it', () => {
    given(placed())
      .when(amendOrder({ lines: [unpriced(), added] }))
      .then('ORDER_NO_LIST_PRICE');
  });
});
