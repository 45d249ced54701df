import type { IsoDate } from '../shared/time.js';
import type { ListPrice, PriceListAudience } from './commands.js';
import type { PriceListFacts } from './state.js';

/** Whom and when a price is asked for: the order's customer, its region and segment, currency and business date. */
export interface PricingSubject {
  readonly customerId: string;
  readonly region: string;
  readonly segment: string;
  readonly currency: string;
  readonly on: IsoDate;
}

/** The precedence of an audience: a customer's own list over its region's, over its segment's, over the default. */
export const AUDIENCE_PRECEDENCE: Readonly<Record<PriceListAudience['level'], number>> = {
  customer: 4,
  region: 3,
  segment: 2,
  default: 1,
};

/** Whether a list is for the subject: its currency, valid on the date (both ends inclusive), and its audience. */
export function listApplies(list: PriceListFacts, subject: PricingSubject): boolean {
  if (
    list.currency !== subject.currency ||
    subject.on < list.validFrom ||
    (list.validTo !== null && subject.on > list.validTo)
  )
    return false;
  const { audience } = list;
  switch (audience.level) {
    case 'default':
      return true;
    case 'segment':
      return audience.segment === subject.segment;
    case 'region':
      return audience.region === subject.region;
    case 'customer':
      return audience.customerId === subject.customerId;
  }
}

/** Earlier in the order is the list that wins: higher precedence, then the later `validFrom`, then the smaller id. */
const beats = (a: PriceListFacts, b: PriceListFacts): number =>
  AUDIENCE_PRECEDENCE[b.audience.level] - AUDIENCE_PRECEDENCE[a.audience.level] ||
  (a.validFrom === b.validFrom
    ? a.priceListId < b.priceListId
      ? -1
      : a.priceListId > b.priceListId
        ? 1
        : 0
    : a.validFrom > b.validFrom
      ? -1
      : 1);

/**
 * The list that prices `sku` for the subject (the one applicability rule, docs/domain-rules.md): among the lists in
 * the subject's currency, valid on its date, for its customer, region, segment or everyone, and holding a price for
 * the sku, the most specific (customer > region > segment > default); among equals the one valid from the latest
 * date, then the smallest id. So a customer's list of a few skus leaves the rest to its region's or the default list.
 */
export function applicableList(
  lists: readonly PriceListFacts[],
  subject: PricingSubject,
  sku: string,
): PriceListFacts | null {
  const candidates = lists.filter((list) => listApplies(list, subject) && list.prices[sku] !== undefined);
  return [...candidates].sort(beats)[0] ?? null;
}

/** The unit price of a list price for a quantity: the break with the largest `minQuantity` reached, else the base price. */
export function unitPriceFor(price: ListPrice, quantity: number): number {
  const reached = price.breaks
    .filter((b) => b.minQuantity <= quantity)
    .sort((a, b) => b.minQuantity - a.minQuantity)[0];
  return reached?.unitPrice ?? price.unitPrice;
}

/** A resolved list price: which list, at which precedence level, and the unit price for the quantity. */
export interface ResolvedListPrice {
  readonly priceListId: string;
  readonly level: PriceListAudience['level'];
  readonly unitPrice: number;
}

/** The list price of `quantity` units of `sku` for the subject, or `null` when no list prices it. */
export function resolveListPrice(
  lists: readonly PriceListFacts[],
  subject: PricingSubject,
  sku: string,
  quantity: number,
): ResolvedListPrice | null {
  const list = applicableList(lists, subject, sku);
  const price = list?.prices[sku];
  return list === null || price === undefined
    ? null
    : { priceListId: list.priceListId, level: list.audience.level, unitPrice: unitPriceFor(price, quantity) };
}
