import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { applicableList, unitPriceFor } from '../pricelist/applicability.js';
import type { PriceListFacts } from '../pricelist/state.js';
import { bestPromotion } from '../promotion/pricing.js';
import type { PromotionFacts } from '../promotion/state.js';
import type { IsoDate } from '../shared/time.js';
import { orderError, type OrderError } from './errors.js';
import type { LinePricing, OrderLine, OrderLineInput } from './order-line.js';

/**
 * The pricing facts the command handler loads for a placement or an amendment (never sent by clients): the order's
 * business date, the customer's segment, the price lists in the order's currency valid that day, the approved
 * promotions running that day, each sku's category, and the discount each promotion has given so far.
 */
export interface PricingFacts {
  readonly on: IsoDate;
  readonly segment: string;
  readonly lists: readonly PriceListFacts[];
  readonly promotions: readonly PromotionFacts[];
  readonly categories: Readonly<Record<string, string>>;
  readonly spent: Readonly<Record<string, number>>;
  /** The budget of each approved promotion that has one, running or not (a kept line may hold an ended promotion). */
  readonly budgets?: Readonly<Record<string, number>>;
}

/** Whose order the lines are priced for. */
export interface PricingOrder {
  readonly customerId: string;
  readonly region: string;
  readonly currency: string;
}

/** The list price of one line and the promotion it gets, with what earlier lines of the order already took of budgets. */
function priceOne(
  line: OrderLineInput,
  order: PricingOrder,
  facts: PricingFacts,
  spent: Record<string, number>,
): LinePricing | null {
  const subject = {
    customerId: order.customerId,
    region: order.region,
    segment: facts.segment,
    currency: order.currency,
    on: facts.on,
  };
  const list = applicableList(facts.lists, subject, line.sku);
  const price = list?.prices[line.sku];
  if (list === null || price === undefined) return null;
  const listPrice = unitPriceFor(price, line.quantity);
  const promotionSubject = { ...subject, sku: line.sku, category: facts.categories[line.sku] ?? null };
  const applied = bestPromotion(facts.promotions, promotionSubject, listPrice, line.quantity, spent);
  const promotion = facts.promotions.find((p) => p.promotionId === applied?.promotionId) ?? null;
  const promotedPrice = applied?.unitPrice ?? listPrice;
  // The promotion gives only what the net price passes on: a typed price above the promoted one uses less of it.
  const netPrice = line.unitPrice ?? promotedPrice;
  const given = promotion === null ? 0 : Math.max(0, listPrice - Math.max(netPrice, promotedPrice)) * line.quantity;
  if (promotion !== null) spent[promotion.promotionId] = (spent[promotion.promotionId] ?? 0) + given;
  return {
    priceListId: list.priceListId,
    listPrice,
    promotionId: promotion?.promotionId ?? null,
    promotedPrice,
    promotionDiscount: given,
  };
}

/** A line in the order events keep its fields in (amendments compare lines as they are written). */
const lineOf = (line: OrderLineInput, unitPrice: number, pricing: LinePricing | undefined): OrderLine => {
  const { lineId, sku, description, quantity, discountBp } = line;
  return { lineId, sku, description, quantity, unitPrice, discountBp, ...(pricing === undefined ? {} : { pricing }) };
};

/** A kept line's pricing at its new price and quantity: the promotion's discount per unit is what the net price passes on. */
const keptPricing = (
  pricing: LinePricing | undefined,
  unitPrice: number,
  quantity: number,
): LinePricing | undefined => {
  if (pricing === undefined || pricing.promotionId === null) return pricing;
  return {
    ...pricing,
    promotionDiscount: Math.max(0, pricing.listPrice - Math.max(unitPrice, pricing.promotedPrice)) * quantity,
  };
};

/**
 * A kept line whose promotion now gives more (its quantity rose) takes the rise from what is left of the budget:
 * `spent` already counts the line as it stood, so only the rise is added. A fall or an unbudgeted promotion passes.
 */
function budgetOverrun(
  before: OrderLine,
  after: LinePricing | undefined,
  facts: PricingFacts,
  spent: Record<string, number>,
): OrderError | null {
  const promotionId = after?.promotionId;
  if (after === undefined || promotionId == null) return null;
  const rise = after.promotionDiscount - (before.pricing?.promotionDiscount ?? 0);
  const budget =
    facts.promotions.find((p) => p.promotionId === promotionId)?.budget ?? facts.budgets?.[promotionId] ?? null;
  if (rise <= 0 || budget === null) return null;
  const used = spent[promotionId] ?? 0;
  if (used + rise > budget) {
    const details = { lineId: before.lineId, promotionId, remaining: Math.max(0, budget - used), requested: rise };
    return orderError(
      'ORDER_PROMOTION_BUDGET_EXCEEDED',
      `promotion ${promotionId} has ${Math.max(0, budget - used)} of its budget left, not the ${rise} more line ${before.lineId} would take; add the extra units as a new line`,
      details,
    );
  }
  spent[promotionId] = used + rise;
  return null;
}

/** The order's total must stay a safe integer once the list prices are in. */
const tooLarge = (lines: readonly OrderLine[]): boolean =>
  lines.reduce((sum, line) => sum + BigInt(line.quantity) * BigInt(line.unitPrice), 0n) >
  BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Prices the lines of a command. A line kept from the order (same id and sku) keeps its pricing, resolved when it
 * was placed or added, and its price unless a new one is typed; any other line is priced from the lists: the list price for its quantity, less the best promotion whose
 * budget holds it. A line without a price needs a list price (`ORDER_NO_LIST_PRICE`); a typed price stays the net
 * price and is measured against the promoted one. Without pricing facts (no lists loaded) every line names its price.
 */
export function priceLines(
  lines: readonly OrderLineInput[],
  order: PricingOrder,
  facts: PricingFacts | undefined,
  kept: readonly OrderLine[] = [],
): Either<OrderError, OrderLine[]> {
  const spent: Record<string, number> = { ...(facts?.spent ?? {}) };
  const priced: OrderLine[] = [];
  for (const line of lines) {
    const before = kept.find((k) => k.lineId === line.lineId && k.sku === line.sku);
    if (before !== undefined) {
      const unitPrice = line.unitPrice ?? before.unitPrice;
      const pricing = keptPricing(before.pricing, unitPrice, line.quantity);
      const overrun = facts === undefined ? null : budgetOverrun(before, pricing, facts, spent);
      if (overrun !== null) return left(overrun);
      priced.push(lineOf(line, unitPrice, pricing));
      continue;
    }
    const pricing = facts === undefined ? null : priceOne(line, order, facts, spent);
    if (pricing === null && line.unitPrice === undefined) {
      return left(
        orderError('ORDER_NO_LIST_PRICE', `no price list prices ${line.sku} for this order; name a unit price`, {
          lineId: line.lineId,
          sku: line.sku,
        }),
      );
    }
    priced.push(lineOf(line, line.unitPrice ?? pricing?.promotedPrice ?? 0, pricing ?? undefined));
  }
  return tooLarge(priced)
    ? left(orderError('ORDER_TOTAL_TOO_LARGE', 'the order total at list prices is too large (not a safe integer)', {}))
    : right(priced);
}
