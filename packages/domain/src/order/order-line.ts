import { z } from 'zod';
import { LineId, PriceListId, PromotionId, Sku } from '../shared/ids.js';
import { divideRoundHalfEven, NonNegativeMinorUnits, sumMinor } from '../shared/money.js';

const LineFields = {
  lineId: LineId,
  sku: Sku,
  description: z
    .string({ message: 'description must be a text' })
    .trim()
    .min(1, 'description must not be empty')
    .max(500, 'description must be at most 500 characters'),
  quantity: z
    .number({ message: 'quantity must be a number' })
    .int('quantity must be a whole number')
    .positive('quantity must be > 0')
    .max(1_000_000_000, 'quantity must be at most 1000000000'),
  unitPrice: NonNegativeMinorUnits,
  discountBp: z
    .number({ message: 'discountBp must be a number' })
    .int('discountBp must be whole basis points')
    .min(0, 'discountBp must be >= 0')
    .max(10_000, 'discountBp must be <= 10000 (100%)'),
};

/**
 * How a line was priced from the lists, resolved when the line was placed or added: the list and its unit price for
 * the quantity, the promotion applied (if any), the price after it (the price below which the line is discounted)
 * and the discount the promotion gave on the line (what counts against its budget). The line's `unitPrice` is the net price.
 */
export const LinePricing = z
  .object({
    priceListId: PriceListId,
    listPrice: NonNegativeMinorUnits,
    promotionId: PromotionId.nullable(),
    promotedPrice: NonNegativeMinorUnits,
    promotionDiscount: NonNegativeMinorUnits,
  })
  .strict();
export type LinePricing = z.infer<typeof LinePricing>;

/** One line of an order as agreed with the customer: what, how many, at what price and discount; `pricing` when a list priced the sku. */
export const OrderLine = z.object({ ...LineFields, pricing: LinePricing.optional() }).strict();
export type OrderLine = z.infer<typeof OrderLine>;

/** What the booked amount of a line depends on. */
export type PricedLine = Pick<OrderLine, 'quantity' | 'unitPrice' | 'discountBp'>;

const lineAmountBig = (line: PricedLine): bigint => {
  const gross = BigInt(line.quantity) * BigInt(line.unitPrice);
  return gross - BigInt(divideRoundHalfEven(gross * BigInt(line.discountBp), 10_000n));
};

/**
 * Booked amount of a line in minor units (docs/reports.md):
 * `quantity * unitPrice - round(quantity * unitPrice * discountBp / 10000)`, rounded half to even, on bigints.
 * Throws a RangeError when the amount is not a safe integer (schemas refuse such orders first).
 */
export function lineAmount(line: PricedLine): number {
  const amount = lineAmountBig(line);
  if (amount > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('line amount is not a safe integer');
  return Number(amount);
}

/** Booked total of an order: the sum of its {@link lineAmount}s, in minor units. */
export const orderTotal = (lines: readonly PricedLine[]): number => sumMinor(lines.map(lineAmount));

/** The highest line discount of an order, in basis points (what an approval must cover). */
export const maxDiscountBp = (lines: readonly Pick<OrderLine, 'discountBp'>[]): number =>
  lines.reduce((max, line) => Math.max(max, line.discountBp), 0);

/** A line as a command names it: `unitPrice` may be left out to take the list price (with any promotion). */
export const OrderLineInput = z.object({ ...LineFields, unitPrice: NonNegativeMinorUnits.optional() }).strict();
export type OrderLineInput = z.infer<typeof OrderLineInput>;

/**
 * The lines of a command: at least one, line ids unique, and an order total of the priced lines that is a safe integer.
 */
export const OrderLines = z
  .array(OrderLineInput, { message: 'lines must be a list of order lines' })
  .min(1, 'an order needs at least one line')
  .max(500, 'an order has at most 500 lines')
  .superRefine((lines, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.lineId))
        ctx.addIssue({ code: 'custom', path: [index, 'lineId'], message: `lineId ${line.lineId} appears twice` });
      seen.add(line.lineId);
    });
    const total = lines.reduce(
      (sum, line) => sum + (line.unitPrice === undefined ? 0n : lineAmountBig({ ...line, unitPrice: line.unitPrice })),
      0n,
    );
    if (total > BigInt(Number.MAX_SAFE_INTEGER))
      ctx.addIssue({ code: 'custom', message: 'the order total is too large (not a safe integer)' });
  });
