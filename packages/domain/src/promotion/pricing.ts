import { applyBasisPoints } from '../shared/money.js';
import type { IsoDate } from '../shared/time.js';
import type { PromotionBenefit } from './commands.js';
import type { PromotionFacts } from './state.js';

/** The line a promotion might apply to: its sku and category, the customer's segment and the order's region, currency and date. */
export interface PromotionSubject {
  readonly sku: string;
  readonly category: string | null;
  readonly segment: string;
  readonly region: string;
  readonly currency: string;
  readonly on: IsoDate;
}

/** Whether an approved promotion covers the line on its date: period (both days included), currency, sku or category, segment and region. */
export function promotionCovers(promotion: PromotionFacts, line: PromotionSubject): boolean {
  const { coverage } = promotion;
  // Branded ids and enums are strings: compare them as such.
  const among = (values: readonly string[], value: string | null): boolean => value !== null && values.includes(value);
  const product = among(coverage.skus, line.sku) || among(coverage.categories, line.category);
  const audience =
    (coverage.segments.length === 0 || among(coverage.segments, line.segment)) &&
    (coverage.regions.length === 0 || among(coverage.regions, line.region));
  return (
    promotion.approved &&
    promotion.currency === line.currency &&
    promotion.startsOn <= line.on &&
    line.on <= promotion.endsOn &&
    product &&
    audience
  );
}

/** The unit price a benefit gives from a list price: percent off (rounded half to even), or the fixed price when it is lower. */
export function promotedUnitPrice(benefit: PromotionBenefit, listPrice: number): number {
  return benefit.kind === 'percent_off'
    ? listPrice - applyBasisPoints(listPrice, benefit.percentBp)
    : Math.min(benefit.unitPrice, listPrice);
}

/** A promotion applied to a line: which, the unit price it gives and the discount it costs on the line (minor units). */
export interface AppliedPromotion {
  readonly promotionId: string;
  readonly unitPrice: number;
  readonly discount: number;
}

/**
 * The promotion a line gets, if any: among the approved promotions covering it whose budget still holds the line's
 * discount (`spent` is what each has given so far), the lowest unit price; ties go to the smallest id. A promotion
 * whose remaining budget is less than the line's discount does not apply (an exhausted budget stops it).
 */
export function bestPromotion(
  promotions: readonly PromotionFacts[],
  line: PromotionSubject,
  listPrice: number,
  quantity: number,
  spent: Readonly<Record<string, number>>,
): AppliedPromotion | null {
  const offers = promotions
    .filter((promotion) => promotionCovers(promotion, line))
    .map((promotion) => {
      const unitPrice = promotedUnitPrice(promotion.benefit, listPrice);
      return {
        promotion,
        applied: { promotionId: promotion.promotionId, unitPrice, discount: (listPrice - unitPrice) * quantity },
      };
    })
    .filter(
      ({ promotion, applied }) =>
        applied.discount > 0 &&
        (promotion.budget === null || (spent[promotion.promotionId] ?? 0) + applied.discount <= promotion.budget),
    )
    .map(({ applied }) => applied)
    .sort((a, b) => a.unitPrice - b.unitPrice || (a.promotionId < b.promotionId ? -1 : 1));
  return offers[0] ?? null;
}
