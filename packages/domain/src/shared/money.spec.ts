import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import { CURRENCY_CODES, minorUnitDigits } from './currencies.js';
import {
  allocate,
  applyBasisPoints,
  BasisPoints,
  Currency,
  divideRoundHalfEven,
  formatMinor,
  formatMoney,
  Money,
  parseDecimalToMinor,
  parseMoney,
  sumMinor,
} from './money.js';

const seeded = { seed: 20261127, numRuns: 500 };

describe('parseMoney', () => {
  it('parses exact decimals into minor units per the currency exponent', () => {
    expect(parseMoney('1234.56', 'CNY')).toEqual({ _tag: 'Right', right: { amount: 123456, currency: 'CNY' } });
    expect(parseMoney('1234', 'JPY')).toEqual({ _tag: 'Right', right: { amount: 1234, currency: 'JPY' } });
    expect(parseMoney('1.234', 'KWD')).toEqual({ _tag: 'Right', right: { amount: 1234, currency: 'KWD' } });
    expect(parseMoney('0.1', 'USD')).toEqual({ _tag: 'Right', right: { amount: 10, currency: 'USD' } });
    expect(parseMoney('-7.05', 'EUR')).toEqual({ _tag: 'Right', right: { amount: -705, currency: 'EUR' } });
  });

  it('never loses precision on values floating point cannot hold', () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseMoney('0.29', 'CNY')).toEqual({ _tag: 'Right', right: { amount: 29, currency: 'CNY' } });
    expect(parseMoney('90071992547409.91', 'CNY')).toEqual({
      _tag: 'Right',
      right: { amount: 9007199254740991, currency: 'CNY' },
    });
  });

  it('refuses more fraction digits than the currency has, naming the limit', () => {
    const result = parseMoney('1.005', 'CNY');
    expect(isLeft(result) && result.left.code).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(isLeft(result) && result.left.details).toEqual({ input: '1.005', allowed: 2 });
    expect(isLeft(parseMoney('1.5', 'JPY'))).toBe(true);
  });

  it.each(['', 'abc', '1,000.00', '1e3', '.5', '5.', '--1', '1.2.3', ' '])('refuses %j as not a decimal', (input) => {
    const result = parseMoney(input, 'CNY');
    expect(isLeft(result) && result.left.code).toBe('MONEY_INVALID_DECIMAL');
  });

  it('refuses amounts beyond the safe-integer range and unknown currencies', () => {
    const big = parseMoney('90071992547409.92', 'CNY');
    expect(isLeft(big) && big.left.code).toBe('MONEY_OUT_OF_RANGE');
    const small = parseDecimalToMinor('-90071992547409.92', 2);
    expect(isLeft(small) && small.left.code).toBe('MONEY_OUT_OF_RANGE');
    const unknown = parseMoney('1', 'XYZ');
    expect(isLeft(unknown) && unknown.left.code).toBe('MONEY_UNKNOWN_CURRENCY');
  });

  it('round-trips with formatMinor for every safe amount and exponent (property)', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(0, 2, 3, 4), (amount, digits) => {
        const text = formatMinor(amount, digits);
        const back = parseDecimalToMinor(text, digits);
        return isRight(back) && back.right === amount;
      }),
      seeded,
    );
  });
});

describe('formatMoney', () => {
  it('writes major units with the currency exponent', () => {
    expect(formatMoney({ amount: 5, currency: 'CNY' as Currency })).toBe('0.05');
    expect(formatMoney({ amount: -123456, currency: 'CNY' as Currency })).toBe('-1234.56');
    expect(formatMoney({ amount: 1500, currency: 'JPY' as Currency })).toBe('1500');
    expect(formatMoney({ amount: 1, currency: 'BHD' as Currency })).toBe('0.001');
  });
});

describe('divideRoundHalfEven', () => {
  it.each([
    [5, 2, 2], // 2.5 -> 2 (even)
    [7, 2, 4], // 3.5 -> 4 (even)
    [-5, 2, -2],
    [-7, 2, -4],
    [10, 4, 2], // 2.5 -> 2
    [14, 4, 4], // 3.5 -> 4
    [11, 4, 3], // 2.75 -> 3
    [9, 4, 2], // 2.25 -> 2
    [1, 3, 0],
    [2, 3, 1],
    [6, -4, -2], // -1.5 -> -2
    [0, 7, 0],
  ])('%d / %d = %d', (n, d, expected) => {
    expect(divideRoundHalfEven(n, d)).toBe(expected);
  });

  it('refuses a zero denominator', () => {
    expect(() => divideRoundHalfEven(1, 0)).toThrow(RangeError);
  });

  it('is within half a unit of the exact quotient and symmetric in sign (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 1e6 }), (n, d) => {
        const q = divideRoundHalfEven(n, d);
        const twiceError = Math.abs(2 * (q * d - n));
        return twiceError <= d && divideRoundHalfEven(-n, d) === -q;
      }),
      seeded,
    );
  });

  it('applies basis points to products beyond 2^53 exactly', () => {
    expect(applyBasisPoints(1_000_000_000_000_000, 1_250)).toBe(125_000_000_000_000);
    expect(applyBasisPoints(15, 5_000)).toBe(8); // 7.5 -> 8 (even)
    expect(applyBasisPoints(25, 5_000)).toBe(12); // 12.5 -> 12 (even)
  });
});

describe('allocate', () => {
  it('splits by weight and keeps every minor unit', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [5000, 3000, 2000])).toEqual([500, 300, 200]);
    expect(allocate(5, [1, 1])).toEqual([3, 2]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(7, [0, 1])).toEqual([0, 7]);
  });

  it('refuses empty, negative or all-zero weights', () => {
    expect(() => allocate(1, [])).toThrow(RangeError);
    expect(() => allocate(1, [-1, 2])).toThrow(RangeError);
    expect(() => allocate(1, [0, 0])).toThrow(RangeError);
  });

  it('always adds up to the amount, and no share is more than one unit from its exact value (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e13, max: 1e13 }),
        fc
          .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 })
          .filter((w) => w.some((x) => x > 0)),
        (amount, weights) => {
          const shares = allocate(amount, weights);
          const total = weights.reduce((a, b) => a + b, 0);
          const sumOk = shares.reduce((a, b) => a + b, 0) === amount;
          const closeOk = shares.every((s, i) => Math.abs(s * total - amount * (weights[i] ?? 0)) < total);
          return sumOk && closeOk && shares.length === weights.length;
        },
      ),
      seeded,
    );
  });
});

describe('schemas', () => {
  it('accept integer minor units with a known currency only', () => {
    expect(Money.safeParse({ amount: 100, currency: 'CNY' }).success).toBe(true);
    const fractional = Money.safeParse({ amount: 1.5, currency: 'CNY' });
    expect(fractional.success).toBe(false);
    expect(fractional.error?.issues[0]?.path).toEqual(['amount']);
    const unsafe = Money.safeParse({ amount: 2 ** 60, currency: 'CNY' });
    expect(unsafe.success).toBe(false);
    const currency = Money.safeParse({ amount: 1, currency: 'cny' });
    expect(currency.error?.issues[0]?.path).toEqual(['currency']);
  });

  it('bound basis points to 0..10000', () => {
    expect(BasisPoints.safeParse(0).success).toBe(true);
    expect(BasisPoints.safeParse(10_000).success).toBe(true);
    expect(BasisPoints.safeParse(10_001).success).toBe(false);
    expect(BasisPoints.safeParse(-1).success).toBe(false);
    expect(BasisPoints.safeParse(12.5).success).toBe(false);
  });

  it('know ISO 4217 exponents', () => {
    expect(CURRENCY_CODES).toContain('CNY');
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('CLF')).toBe(4);
    expect(minorUnitDigits('USD')).toBe(2);
  });

  it('sums safely', () => {
    expect(sumMinor([1, 2, 3])).toBe(6);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});
