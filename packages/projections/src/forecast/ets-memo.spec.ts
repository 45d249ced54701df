import { autoEts } from './ets-fit.js';
import { memoisedAutoEts } from './ets-memo.js';

/** 36 months of a season on a rising level, shifted by `shift` so each call is a different series. */
const series = (shift: number): number[] =>
  Array.from({ length: 36 }, (_, month) => 10_000 + shift + 40 * month + 1_500 * Math.sin((2 * Math.PI * month) / 12));

describe('memoisedAutoEts', () => {
  it('answers the fit autoEts gives, and the same fit again for the same values', () => {
    const first = memoisedAutoEts(series(1));
    expect(first).toEqual(autoEts(series(1)));
    expect(first).not.toBeNull();
    expect(memoisedAutoEts(series(1))).toBe(first);
  });

  it('fits a series with different values afresh', () => {
    const a = memoisedAutoEts(series(2));
    const b = memoisedAutoEts(series(3));
    expect(b).not.toBe(a);
    expect(b).toEqual(autoEts(series(3)));
  });

  it('forgets the least recently used fit past 512 kept', () => {
    const kept = memoisedAutoEts(series(4));
    for (let shift = 1_000; shift < 1_000 + 512; shift += 1) memoisedAutoEts([shift, shift + 1]);
    expect(memoisedAutoEts(series(4))).not.toBe(kept);
    expect(memoisedAutoEts(series(4))).toEqual(kept);
  });
});
