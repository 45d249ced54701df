import { ratio, roundRatio } from './ratio.js';

describe('ratio', () => {
  it('rounds half to even at 4 decimals and is null on a zero denominator', () => {
    expect(ratio(5, 6)).toBe(0.8333);
    expect(ratio(2, 3)).toBe(0.6667);
    // 1/16 = 0.0625 exactly; 1/32 = 0.03125 -> half to even 0.0312; 3/32 = 0.09375 -> 0.0938.
    expect(ratio(1, 32)).toBe(0.0312);
    expect(ratio(3, 32)).toBe(0.0938);
    expect(ratio(-1, 3)).toBe(-0.3333);
    expect(ratio(0, 7)).toBe(0);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(0, 0)).toBeNull();
  });

  it('rounds other figures half away from zero and drops non-finite ones', () => {
    expect(roundRatio(0.123456)).toBe(0.1235);
    expect(roundRatio(-0.98765)).toBe(-0.9877);
    expect(roundRatio(-0.00001)).toBe(0);
    expect(roundRatio(Number.NaN)).toBeNull();
    expect(roundRatio(null)).toBeNull();
  });
});
