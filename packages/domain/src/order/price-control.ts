import type { OrderLine } from './order-line.js';

/** The unit price agreed for each line id: the price at placement, or when the line was added. */
export type AgreedPrices = Readonly<Record<string, number>>;

/** The price a line is agreed at when it is placed or added: the list price after promotion when a list priced it, else its own price. */
const priceOf = (line: OrderLine): number => line.pricing?.promotedPrice ?? line.unitPrice;

/** The agreed prices of lines at placement. */
export const agreedAtPlacement = (lines: readonly OrderLine[]): AgreedPrices =>
  Object.fromEntries(lines.map((line) => [line.lineId, priceOf(line)]));

/**
 * The agreed prices after an amendment: lines keep theirs; a new line takes its list price after promotion when a list
 * priced it, else the price agreed for a line of the same sku (so a line cannot be re-added cheaper), else its own price.
 */
export function agreedAfter(
  agreed: AgreedPrices,
  before: readonly OrderLine[],
  after: readonly OrderLine[],
): AgreedPrices {
  const bySku = new Map(before.map((line) => [line.sku as string, agreed[line.lineId] ?? line.unitPrice]));
  return Object.fromEntries(
    after.map((line) => [
      line.lineId,
      agreed[line.lineId] ?? line.pricing?.promotedPrice ?? bySku.get(line.sku) ?? line.unitPrice,
    ]),
  );
}

/**
 * A line's discount against its agreed price, in basis points: the net price below the agreed one counts as
 * discount, so a price cut needs the same approval as a discount. Never less than the line's own `discountBp`.
 */
export function effectiveDiscountBp(line: Pick<OrderLine, 'unitPrice' | 'discountBp'>, agreedPrice: number): number {
  if (agreedPrice <= 0) return line.discountBp;
  const netBp = (BigInt(line.unitPrice) * BigInt(10_000 - line.discountBp)) / BigInt(agreedPrice);
  const combined = 10_000 - Math.min(10_000, Number(netBp));
  return Math.max(line.discountBp, combined);
}

/** The highest {@link effectiveDiscountBp} of the lines (what an approval must cover). */
export const maxEffectiveDiscountBp = (lines: readonly OrderLine[], agreed: AgreedPrices): number =>
  lines.reduce((max, line) => Math.max(max, effectiveDiscountBp(line, agreed[line.lineId] ?? line.unitPrice)), 0);
