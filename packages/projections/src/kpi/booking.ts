import { lineAmount, sumMinor, type LinePricing, type PricedLine } from '@salesbook/domain';

/** A line as the sales read model keeps it: enough to recompute its booked amount, and its list pricing when a list priced it. */
export interface BookedLine extends PricedLine {
  readonly lineId: string;
  readonly sku: string;
  readonly pricing?: LinePricing;
}

/** Booked amount per sku of `lines` (the domain's `lineAmount`, summed per sku). */
export function amountsBySku(lines: readonly BookedLine[]): Map<string, number> {
  const amounts = new Map<string, number>();
  for (const line of lines) amounts.set(line.sku, sumMinor([amounts.get(line.sku) ?? 0, lineAmount(line)]));
  return amounts;
}

/**
 * The change of booked amount per sku from `before` to `after` (skus whose amount did not change are left out),
 * checked against the event's own figure: a mismatch throws, so the event is parked rather than miscounted.
 */
export function skuDeltas(
  before: readonly BookedLine[],
  after: readonly BookedLine[],
  expected: number,
): Map<string, number> {
  const was = amountsBySku(before);
  const now = amountsBySku(after);
  const deltas = new Map<string, number>();
  for (const sku of [...new Set([...was.keys(), ...now.keys()])].sort()) {
    const delta = (now.get(sku) ?? 0) - (was.get(sku) ?? 0);
    if (delta !== 0) deltas.set(sku, delta);
  }
  const total = sumMinor([...deltas.values()]);
  if (total !== expected) throw new Error(`booked change ${expected} differs from the lines' change (${total})`);
  return deltas;
}

/** Keeps only what the read model needs of an order line (drops descriptions; keeps the pricing the price reports read). */
export const bookedLines = (lines: readonly BookedLine[]): BookedLine[] =>
  lines.map(({ lineId, sku, quantity, unitPrice, discountBp, pricing }) => ({
    lineId,
    sku,
    quantity,
    unitPrice,
    discountBp,
    ...(pricing === undefined ? {} : { pricing }),
  }));
