import { amended, givenOrderEvent, cancelled, type TestOrder } from '../testing/order-events.js';
import { projectionKit } from '../testing/projection-kit.js';
import { priceListsProjection } from './price-lists.projection.js';
import { pricingFactsFor } from './pricing-facts.queries.js';
import { productsProjection } from './products.projection.js';
import { promotionsProjection } from './promotions.projection.js';

const AT = '2026-03-01T02:00:00Z';
const promotion = (id: string, budget: number | null) => ({
  type: 'PromotionDrafted',
  at: AT,
  data: {
    promotionId: id,
    name: id,
    currency: 'CNY',
    startsOn: '2026-03-01',
    endsOn: '2026-03-31',
    coverage: { skus: [], categories: ['motors'], segments: [], regions: [] },
    benefit: { kind: 'percent_off', percentBp: 1_000 },
    budget,
    draftedBy: 'an-1',
    drafterRole: 'market_analyst',
    draftedAt: AT,
  },
});
const approved = (id: string) => ({
  type: 'PromotionApproved',
  at: AT,
  data: { promotionId: id, approvedBy: 'sm-1', approvedAt: AT },
});
const order = (orderId: string): TestOrder => ({ orderId, repId: 'rep-1', region: 'east', currency: 'CNY' });
/** A line of 1000 at list, 900 after the `spring` promotion: it gives 100 a unit. */
const promoted = (quantity: number) => ({ lineId: 'l1', quantity, unitPrice: 900, discountBp: 0 });
const pricing = {
  priceListId: 'pl-1',
  listPrice: 1_000,
  promotionId: 'spring',
  promotedPrice: 900,
  promotionDiscount: 0,
};
const withPricing = (l: ReturnType<typeof promoted>) => ({
  ...l,
  sku: 'SKU-l1',
  description: 'item l1',
  pricing: { ...pricing, promotionDiscount: 100 * l.quantity },
});
const placed = (o: TestOrder, quantity: number) => ({
  type: 'OrderPlaced',
  at: AT,
  data: {
    orderId: o.orderId,
    customerId: 'c-1',
    repId: o.repId,
    region: o.region,
    currency: o.currency,
    lines: [withPricing(promoted(quantity))],
    promisedDeliveryDate: '2026-04-20',
    paymentTerms: { kind: 'net', days: 30 },
    total: 900 * quantity,
    maxDiscountBp: 0,
    discountLimitBp: 1_000,
    approvalRequired: false,
    placedAt: AT,
    revision: 1,
  },
});

describe('pricing facts from the read models', () => {
  it('gives the lists, the approved promotions running that day, categories and what each promotion has given as orders stand', () => {
    const kit = projectionKit([productsProjection, priceListsProjection, promotionsProjection]);
    kit.given('product-SKU-l1', [
      {
        type: 'ProductRegistered',
        at: AT,
        data: { sku: 'SKU-l1', name: 'Motor', category: 'motors', unit: 'pcs', registeredBy: 'an-1', registeredAt: AT },
      },
    ]);
    kit.given('pricelist-pl-1', [
      {
        type: 'PriceListCreated',
        at: AT,
        data: {
          priceListId: 'pl-1',
          name: 'pl-1',
          currency: 'CNY',
          audience: { level: 'default' },
          validFrom: '2026-03-01',
          validTo: null,
          createdBy: 'an-1',
          createdAt: AT,
        },
      },
      {
        type: 'ListPricesSet',
        at: AT,
        data: {
          priceListId: 'pl-1',
          prices: [{ sku: 'SKU-l1', unitPrice: 1_000, breaks: [] }],
          setBy: 'an-1',
          setAt: AT,
        },
      },
    ]);
    kit.given('promotion-spring', [promotion('spring', 5_000), approved('spring')]);
    kit.given('promotion-draft', [promotion('draft', null)]);
    // o-1 takes 10 x 100, then is amended to 20 (2000); o-2 takes 5 x 100 and is cancelled; o-3 takes 3 x 100.
    givenOrderEvent(kit, order('o-1'), placed(order('o-1'), 10));
    const amendment = amended(order('o-1'), [promoted(10)], [promoted(20)], [9_000, 18_000], 0, AT);
    givenOrderEvent(kit, order('o-1'), {
      ...amendment,
      data: { ...amendment.data, linesBefore: [withPricing(promoted(10))], linesAfter: [withPricing(promoted(20))] },
    });
    givenOrderEvent(kit, order('o-2'), placed(order('o-2'), 5));
    givenOrderEvent(kit, order('o-2'), cancelled(order('o-2'), false, 0, AT));
    givenOrderEvent(kit, order('o-3'), placed(order('o-3'), 3));
    const db = kit.readModels();

    const facts = pricingFactsFor(db, {
      currency: 'CNY',
      on: '2026-03-10',
      segment: 'smb',
      skus: ['SKU-l1', 'SKU-unknown'],
    });
    expect(facts.lists.map((l) => [l.priceListId, l.prices['SKU-l1']?.unitPrice])).toEqual([['pl-1', 1_000]]);
    expect(facts.promotions.map((p) => [p.promotionId, p.budget, p.approved, p.benefit])).toEqual([
      ['spring', 5_000, true, { kind: 'percent_off', percentBp: 1_000 }],
    ]);
    expect(facts.categories).toEqual({ 'SKU-l1': 'motors' });
    expect(facts.spent).toEqual({ spring: 2_000 + 300 });
    expect(facts.budgets).toEqual({ spring: 5_000 });
    // After spring ended, its budget and what it gave still come, for an amendment raising a line that took it.
    const later = pricingFactsFor(db, { currency: 'CNY', on: '2026-04-01', segment: 'smb', skus: [] });
    expect([later.promotions, later.budgets, later.spent]).toEqual([[], { spring: 5_000 }, { spring: 2_300 }]);
    expect(pricingFactsFor(db, { currency: 'USD', on: '2026-03-10', segment: 'smb', skus: [] }).lists).toEqual([]);
  });
});
