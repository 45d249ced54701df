import { lineAmount, maxDiscountBp, orderTotal } from './order-line.js';

describe('lineAmount', () => {
  it('is quantity times price less the discount', () => {
    expect(lineAmount({ quantity: 10, unitPrice: 1_000, discountBp: 1_250 })).toBe(8_750);
    expect(lineAmount({ quantity: 3, unitPrice: 0, discountBp: 500 })).toBe(0);
    expect(lineAmount({ quantity: 1, unitPrice: 999, discountBp: 10_000 })).toBe(0);
  });

  it('rounds the discount half to even', () => {
    // 5 * 1000 bp = 0.5 -> 0 (even); 15 * 1000 bp = 1.5 -> 2 (even); 7 * 1000 bp = 0.7 -> 1
    expect(lineAmount({ quantity: 1, unitPrice: 5, discountBp: 1_000 })).toBe(5);
    expect(lineAmount({ quantity: 1, unitPrice: 15, discountBp: 1_000 })).toBe(13);
    expect(lineAmount({ quantity: 1, unitPrice: 7, discountBp: 1_000 })).toBe(6);
  });

  it('computes on bigints where quantity * price * bp leaves the safe range', () => {
    // 3e15 * 3333 exceeds 2^53; the exact discount is 999_900_000_000_000
    expect(lineAmount({ quantity: 3_000, unitPrice: 1_000_000_000_000, discountBp: 3_333 })).toBe(
      3_000_000_000_000_000 - 999_900_000_000_000,
    );
  });

  it('throws a RangeError when the amount is not a safe integer', () => {
    expect(() => lineAmount({ quantity: 1_000_000_000, unitPrice: 1_000_000_000, discountBp: 0 })).toThrow(RangeError);
  });
});

describe('orderTotal and maxDiscountBp', () => {
  it('sums the line amounts and finds the highest discount', () => {
    const lines = [
      { quantity: 10, unitPrice: 1_000, discountBp: 1_250 },
      { quantity: 5, unitPrice: 200, discountBp: 0 },
    ];
    expect(orderTotal(lines)).toBe(9_750);
    expect(orderTotal([])).toBe(0);
    expect(maxDiscountBp(lines)).toBe(1_250);
  });
});
