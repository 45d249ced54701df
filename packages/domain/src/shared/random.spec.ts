import { createRandom } from './random.js';

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs for another', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    // mulberry32's first output for seed 42, pinned so a change of algorithm shows.
    expect(draw(42)[0]).toBeCloseTo(0.6011037519201636, 12);
  });

  it('draws integers within bounds, picks, weighted picks and forks deterministically', () => {
    const random = createRandom(7);
    const ints = Array.from({ length: 1_000 }, () => random.int(3, 5));
    expect(new Set(ints)).toEqual(new Set([3, 4, 5]));
    expect(Array.from({ length: 100 }, () => random.weighted(['a', 'b'], [0, 1]))).toEqual(Array(100).fill('b'));
    expect(createRandom(7).fork('x').next()).toBe(createRandom(7).fork('x').next());
    expect(createRandom(7).fork('x').next()).not.toBe(createRandom(7).fork('y').next());
    const mean = Array.from({ length: 5_000 }, () => random.poisson(2)).reduce((a, b) => a + b, 0) / 5_000;
    expect(mean).toBeGreaterThan(1.85);
    expect(mean).toBeLessThan(2.15);
  });
});
