import type { LineId, OrderLine, PaymentTerms, Segment, Sku } from '@salesbook/domain';
import type { Random } from '../random.js';
import type { Product, Region } from '../world.js';

/** Extra lines beyond the first (Poisson mean) and the largest quantity per line, by segment. */
const EXTRA_LINES: Readonly<Record<Segment, number>> = { key_account: 1.6, enterprise: 1.2, smb: 0.8, retail: 0.5 };
/** An order holds one to four lines. */
const MAX_LINES = 4;
const MAX_QUANTITY: Readonly<Record<Segment, number>> = { key_account: 30, enterprise: 20, smb: 8, retail: 4 };
const MEAN_LIST_PRICE = 445_000;
const MEAN_DISCOUNT = 0.04;

/** The expected total of one order of a customer of `segment` in `region`, in the region's minor units. */
export const meanOrderValue = (segment: Segment, region: Region): number =>
  (1 + EXTRA_LINES[segment]) *
  ((1 + MAX_QUANTITY[segment]) / 2) *
  MEAN_LIST_PRICE *
  (1 - MEAN_DISCOUNT) *
  region.priceFactor;

/**
 * A line discount in basis points: most lines none or within a rep's 10% limit; about one line in twelve
 * needs a regional manager (up to 25%), one in fifty the sales manager.
 */
function discountBp(random: Random): number {
  const roll = random.next();
  if (roll < 0.55) return 0;
  if (roll < 0.915) return random.int(1, 20) * 50;
  if (roll < 0.98) return random.int(21, 50) * 50;
  return random.int(51, 70) * 50;
}

/** The price of a product in the region's currency (minor units, whole hundreds). */
export const priceIn = (product: Product, region: Region): number =>
  Math.max(100, Math.round((product.listPrice * region.priceFactor) / 100) * 100);

/** The lines of a new order (one to four): distinct products, quantities by segment, the discount mix above. */
export function orderLines(
  random: Random,
  catalogue: readonly Product[],
  segment: Segment,
  region: Region,
): OrderLine[] {
  const count = Math.min(MAX_LINES, 1 + random.poisson(EXTRA_LINES[segment]));
  const chosen = new Set<Product>();
  while (chosen.size < count) chosen.add(random.pick(catalogue));
  return [...chosen].map((product, index) => ({
    lineId: `L${index + 1}` as LineId,
    sku: product.sku as Sku,
    description: product.description,
    quantity: random.int(1, MAX_QUANTITY[segment]),
    unitPrice: priceIn(product, region),
    discountBp: discountBp(random),
  }));
}

/** Payment terms: mostly net 30 or 60 days, some payment in advance, some three monthly installments. */
export function paymentTerms(random: Random, segment: Segment): PaymentTerms {
  const roll = random.next();
  if (roll < 0.08) return { kind: 'advance' };
  if (roll < (segment === 'key_account' || segment === 'enterprise' ? 0.2 : 0.12)) {
    return {
      kind: 'installments',
      plan: [
        { dueInDays: 30, shareBp: 3_400 },
        { dueInDays: 60, shareBp: 3_300 },
        { dueInDays: 90, shareBp: 3_300 },
      ],
    };
  }
  return { kind: 'net', days: random.chance(0.6) ? 30 : 60 };
}

/** An amendment of the lines: one line's quantity changed (never below what shipped), at times a new line added. */
export function amendedLines(
  random: Random,
  lines: readonly (OrderLine & { shipped?: number })[],
  catalogue: readonly Product[],
  region: Region,
): OrderLine[] {
  const target = random.int(0, lines.length - 1);
  const amended = lines.map((line, index) => {
    // A command names no pricing: kept lines keep theirs in the decider.
    const { shipped: _shipped, pricing: _pricing, ...plain } = line;
    if (index !== target) return plain;
    const floor = Math.max(1, line.shipped ?? 0);
    const quantity = Math.max(floor, line.quantity + (random.chance(0.6) ? random.int(1, 5) : -random.int(1, 3)));
    return { ...plain, quantity: quantity === line.quantity ? line.quantity + 1 : quantity };
  });
  if (random.chance(0.25) && amended.length < MAX_LINES) {
    const product = random.pick(catalogue);
    amended.push({
      lineId: `L${amended.length + 1}` as LineId,
      sku: product.sku as Sku,
      description: product.description,
      quantity: random.int(1, 5),
      unitPrice: priceIn(product, region),
      discountBp: 0,
    });
  }
  return amended;
}
