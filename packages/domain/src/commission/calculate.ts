import { applyBasisPoints, divideRoundHalfEven, sumMinor } from '../shared/money.js';
import type { CommissionTerms } from './commands.js';

/** How a month's commission of one rep was reached (money in minor units, attainment and rates in basis points). */
export interface CommissionFigures {
  /** Base over target, rounded toward zero; `null` without a positive target in the plan's currency. */
  readonly attainmentBps: number | null;
  /** Index of the tier reached (0 is the first tier, also without a target). */
  readonly tier: number;
  /** The tier's rate. */
  readonly rateBps: number;
  /** The base at the tier's rate up to the first accelerator, each part above at its accelerator's rate. */
  readonly commission: number;
}

/** The tier reached: the last whose start the attainment meets. */
const tierOf = (tiers: CommissionTerms['tiers'], attainmentBps: number | null): number =>
  attainmentBps === null
    ? 0
    : Math.max(
        0,
        tiers.findLastIndex((tier) => tier.fromBps <= attainmentBps),
      );

/**
 * The commission on a month's `base` (collected sales) against the rep's `target`, under a plan version's terms.
 * Each part is rounded half to even on its own. A negative base (more reversed than collected) earns a negative
 * commission at the first tier's rate, so reversals take back what they paid.
 */
export function commissionOn(
  terms: Pick<CommissionTerms, 'tiers' | 'accelerators'>,
  base: number,
  target: number | null,
): CommissionFigures {
  // BigInt division truncates toward zero: 99.99% is not 100%.
  const attainmentBps = target !== null && target > 0 ? Number((BigInt(base) * 10_000n) / BigInt(target)) : null;
  const tier = tierOf(terms.tiers, attainmentBps);
  const rateBps = terms.tiers[tier]?.rateBps ?? 0;
  if (attainmentBps === null || target === null || base <= 0)
    return { attainmentBps, tier, rateBps, commission: applyBasisPoints(base, rateBps) };
  const starts = terms.accelerators.map((accelerator) =>
    divideRoundHalfEven(BigInt(target) * BigInt(accelerator.aboveBps), 10_000n),
  );
  const parts = [rateBps, ...terms.accelerators.map((accelerator) => accelerator.rateBps)].map((rate, i) => {
    const from = i === 0 ? 0 : (starts[i - 1] ?? 0);
    const to = starts[i] ?? Number.POSITIVE_INFINITY;
    return applyBasisPoints(Math.max(0, Math.min(base, to) - from), rate);
  });
  return { attainmentBps, tier, rateBps, commission: sumMinor(parts) };
}
