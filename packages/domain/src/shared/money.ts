import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { minorUnitDigits } from './currencies.js';
import { domainError, type DomainError } from './domain-error.js';

/** An ISO 4217 currency code that this release knows (see `CURRENCY_CODES`). */
export const Currency = z
  .string()
  .refine((code) => minorUnitDigits(code) !== undefined, { message: 'must be an ISO 4217 currency code, e.g. CNY' })
  .brand<'Currency'>();
export type Currency = z.infer<typeof Currency>;

/** An amount in integer minor units (fen, cents); never floating point. */
export const MinorUnits = z.number().int().refine(Number.isSafeInteger, { message: 'must be a safe integer' });
/** A non-negative amount in minor units. */
export const NonNegativeMinorUnits = MinorUnits.refine((n) => n >= 0, { message: 'must be >= 0' });
/** A positive amount in minor units. */
export const PositiveMinorUnits = MinorUnits.refine((n) => n > 0, { message: 'must be > 0' });

/** Money: integer minor units and the currency they are counted in. */
export const Money = z.object({ amount: MinorUnits, currency: Currency });
export type Money = z.infer<typeof Money>;

/** Basis points: 10000 = 100%. Discounts and percentages are always integer basis points. */
export const BasisPoints = z.number().int().min(0).max(10_000);
export type BasisPoints = z.infer<typeof BasisPoints>;

/** Error codes of money parsing. */
export type MoneyErrorCode =
  'MONEY_INVALID_DECIMAL' | 'MONEY_TOO_MANY_DECIMALS' | 'MONEY_OUT_OF_RANGE' | 'MONEY_UNKNOWN_CURRENCY';

const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

/**
 * Parses a decimal string in major units ("1234.56") into minor units exactly, without floating point.
 * More fraction digits than the currency has is an error, never a rounding.
 */
export function parseDecimalToMinor(decimal: string, digits: number): Either<DomainError<MoneyErrorCode>, number> {
  const match = DECIMAL.exec(decimal.trim());
  if (match === null) {
    return left(domainError('MONEY_INVALID_DECIMAL', `"${decimal}" is not a decimal number`, { input: decimal }));
  }
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) {
    return left(
      domainError(
        'MONEY_TOO_MANY_DECIMALS',
        `"${decimal}" has ${fraction.length} decimals; at most ${digits} allowed`,
        {
          input: decimal,
          allowed: digits,
        },
      ),
    );
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0')) * (sign === '-' ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < BigInt(Number.MIN_SAFE_INTEGER)) {
    return left(domainError('MONEY_OUT_OF_RANGE', `"${decimal}" is too large`, { input: decimal }));
  }
  return right(Number(minor));
}

/** Parses "1234.56" in `currency` into {@link Money}, exactly. */
export function parseMoney(decimal: string, currency: string): Either<DomainError<MoneyErrorCode>, Money> {
  const digits = minorUnitDigits(currency);
  if (digits === undefined) {
    return left(domainError('MONEY_UNKNOWN_CURRENCY', `"${currency}" is not an ISO 4217 currency code`, { currency }));
  }
  const parsed = parseDecimalToMinor(decimal, digits);
  return parsed._tag === 'Left' ? parsed : right({ amount: parsed.right, currency: currency as Currency });
}

/** Formats minor units as a decimal string in major units ("1234.56"); the inverse of {@link parseDecimalToMinor}. */
export function formatMinor(amount: number, digits: number): string {
  const negative = amount < 0;
  const text = Math.abs(amount)
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits === 0 ? text : text.slice(0, -digits);
  const fraction = digits === 0 ? '' : `.${text.slice(-digits)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Formats {@link Money} as a decimal string in its currency's major units. */
export const formatMoney = (money: Money): string => formatMinor(money.amount, minorUnitDigits(money.currency) ?? 2);

/**
 * The one rounding function: `numerator / denominator` rounded half to even (banker's rounding),
 * computed on bigints so no intermediate product loses precision.
 */
export function divideRoundHalfEven(numerator: number | bigint, denominator: number | bigint): number {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d === 0n) throw new RangeError('division by zero');
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  let quotient = an / ad;
  const twiceRemainder = (an % ad) * 2n;
  if (twiceRemainder > ad || (twiceRemainder === ad && quotient % 2n === 1n)) quotient += 1n;
  return Number(sign * quotient);
}

/** `amount * bp / 10000`, rounded half to even: the discount of a line, for example. */
export const applyBasisPoints = (amount: number, bp: number): number =>
  divideRoundHalfEven(BigInt(amount) * BigInt(bp), 10_000n);

/**
 * Splits `amount` into parts proportional to `weights` that add up to `amount` exactly
 * (largest remainder; ties go to the earlier part). Used for installment plans.
 */
export function allocate(amount: number, weights: readonly number[]): number[] {
  if (weights.length === 0) throw new RangeError('allocate needs at least one weight');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0))
    throw new RangeError('weights must be non-negative integers');
  const total = weights.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError('weights must not all be zero');
  const big = BigInt(amount);
  const shares = weights.map((w) => (big * BigInt(w)) / BigInt(total));
  let rest = big - shares.reduce((a, b) => a + b, 0n);
  const step = rest < 0n ? -1n : 1n;
  const order = weights
    .map((w, index) => ({ index, remainder: ((big * BigInt(w)) % BigInt(total)) * step }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (let i = 0; rest !== 0n; i = (i + 1) % order.length, rest -= step) {
    const slot = order[i]?.index ?? 0;
    shares[slot] = (shares[slot] ?? 0n) + step;
  }
  return shares.map(Number);
}

/** Sum of amounts in minor units; throws a RangeError when the sum leaves the safe-integer range. */
export function sumMinor(amounts: readonly number[]): number {
  const total = amounts.reduce((a, b) => a + b, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts is not a safe integer');
  return total;
}
