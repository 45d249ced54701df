import {
  applicableList,
  type IsoDate,
  type OrderEvent,
  type OrderLine,
  type OrderLineInput,
  type PriceListFacts,
  type PricingFacts,
  type PromotionFacts,
} from '@salesbook/domain';
import type { CustomerEntity } from '../sim.js';

/**
 * What the generator prices orders with, kept as the API's read models keep it: every price list and promotion
 * entered so far (the domain's rules pick those valid on the day) and what each order's lines give of each promotion
 * as the order stands (a cancellation gives it back), so budgets are spent as in the API.
 */
export class PricingBook {
  private readonly lists = new Map<string, () => PriceListFacts | null>();
  private readonly promotions = new Map<string, () => PromotionFacts | null>();
  private readonly given = new Map<string, Readonly<Record<string, number>>>();
  /** The sum of `given` per promotion, kept as orders change (summing every order for each new one grows quadratically). */
  private readonly spent = new Map<string, number>();

  /** Follows a list's stream (its state is read when an order is priced). */
  addList(id: string, facts: () => PriceListFacts | null): void {
    this.lists.set(id, facts);
  }

  /** Follows a promotion's stream. */
  addPromotion(id: string, facts: () => PromotionFacts | null): void {
    this.promotions.set(id, facts);
  }

  /** Counts what an order event leaves the order's lines giving of each promotion. */
  record(event: OrderEvent): void {
    if (event.type === 'OrderPlaced') this.setGiven(event.data.orderId, givenBy(event.data.lines));
    if (event.type === 'OrderAmended') this.setGiven(event.data.orderId, givenBy(event.data.linesAfter));
    if (event.type === 'OrderCancelled') this.setGiven(event.data.orderId, {});
  }

  private setGiven(orderId: string, given: Readonly<Record<string, number>>): void {
    for (const [id, amount] of Object.entries(this.given.get(orderId) ?? {}))
      this.spent.set(id, (this.spent.get(id) ?? 0) - amount);
    for (const [id, amount] of Object.entries(given)) this.spent.set(id, (this.spent.get(id) ?? 0) + amount);
    this.given.set(orderId, given);
  }

  /** The pricing facts of an order of `customer` on `on` for `skus`, as the API's lookup gives them. */
  factsFor(
    customer: CustomerEntity,
    on: IsoDate,
    categories: ReadonlyMap<string, string>,
    skus: readonly string[],
  ): PricingFacts {
    const lists = [...this.lists.values()]
      .map((of) => of())
      .filter((list): list is PriceListFacts => list !== null && list.currency === customer.region.currency);
    const promotions = [...this.promotions.values()]
      .map((of) => of())
      .filter((p): p is PromotionFacts => p !== null && p.currency === customer.region.currency);
    const spent = Object.fromEntries(promotions.map((p) => [p.promotionId, this.spent.get(p.promotionId) ?? 0]));
    const budgets = Object.fromEntries(
      promotions.filter((p) => p.approved && p.budget !== null).map((p) => [p.promotionId, p.budget ?? 0]),
    );
    const known = skus.filter((sku) => categories.has(sku));
    return {
      on,
      segment: customer.segment,
      lists,
      promotions: promotions.filter((p) => p.approved),
      categories: Object.fromEntries(known.map((sku) => [sku, categories.get(sku) ?? ''])),
      spent,
      budgets,
    };
  }
}

const givenBy = (lines: readonly OrderLine[]): Record<string, number> => {
  const given: Record<string, number> = {};
  for (const { pricing } of lines)
    if (pricing?.promotionId != null && pricing.promotionDiscount > 0)
      given[pricing.promotionId] = (given[pricing.promotionId] ?? 0) + pricing.promotionDiscount;
  return given;
};

/** The lines with their price left out wherever a list prices the sku for the order, so the list (and any promotion) prices them. */
export function fromTheLists(
  lines: readonly OrderLineInput[],
  facts: PricingFacts,
  customer: CustomerEntity,
): OrderLineInput[] {
  const subject = {
    customerId: customer.id,
    region: customer.region.id,
    segment: customer.segment,
    currency: customer.region.currency,
    on: facts.on,
  };
  return lines.map(({ unitPrice, ...line }) =>
    applicableList(facts.lists, subject, line.sku) === null && unitPrice !== undefined ? { ...line, unitPrice } : line,
  );
}
