import fc from 'fast-check';
import { centredMovingAverage, decompose } from './decomposition.js';
import { compareWithSeasonalNaive } from './naive-comparison.js';
import {
  chooseParameters,
  dampedSum,
  meanAbsolutePercentageError,
  project,
  seasonalForecast,
  seasonalNaive,
  toMinor,
} from './seasonal-model.js';

const seeded = { seed: 20261206, numRuns: 300 };
const pattern = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200];
const repeat = (season: readonly number[], times: number): number[] =>
  Array.from({ length: times }, () => season).flat();

describe('seasonal forecast: hand-computed cases', () => {
  it('forecasts zeros without history and the mean of the last six months below 24 months', () => {
    expect(seasonalForecast([], 2)).toEqual({ method: 'none', values: [0, 0], window: 0, phi: 0, seasonal: false });
    expect(seasonalForecast([100, 200, 300], 2)).toMatchObject({ method: 'flat', values: [200, 200] });
    // (10 + 20 + ... + 70) minus the first month: mean of 20..70 = 45.
    expect(seasonalForecast([10, 20, 30, 40, 50, 60, 70], 1).values).toEqual([45]);
    // Means are rounded half to even: 2.5 -> 2, 3.5 -> 4.
    expect(seasonalForecast([1, 4], 1).values).toEqual([2]);
    expect(seasonalForecast([3, 4], 1).values).toEqual([4]);
  });

  it('gives back a repeated season: the moving average is the season mean (650), so the indices are the season over 650', () => {
    expect(centredMovingAverage(repeat(pattern, 2))[6]).toBe(650);
    const forecast = seasonalForecast(repeat(pattern, 2), 14);
    expect(forecast).toEqual({
      method: 'multiplicative',
      values: [...pattern, 100, 200],
      window: 12,
      phi: 0.8,
      seasonal: true,
    });
  });

  it('falls back to the additive decomposition when a month of the year never sells (its index would be 0)', () => {
    const season = [0, ...pattern.slice(1)];
    const forecast = seasonalForecast(repeat(season, 2), 12);
    expect(forecast.method).toBe('additive');
    expect(forecast.values).toEqual(season);
  });

  it('carries a linear trend: level 1175 (months 12-23 of 1000 + 10t), slope (1175 - 1055) / 12 = 10 per month', () => {
    const linear = Array.from({ length: 24 }, (_, t) => 1000 + 10 * t);
    const fit = decompose(linear);
    expect(fit.indices.every((index) => Math.abs(index - 1) < 1e-12)).toBe(true);
    // Undamped: 1175 + 10 x (k + 5.5), the next months of the line.
    expect(project(fit, [12, 1, true], 3).map(toMinor)).toEqual([1240, 1250, 1260]);
    // Damped by 0.8: 1175 + 10 x 0.8 (1 - 0.8^6.5) / 0.2 = 1205.62 for the first month.
    expect(seasonalForecast(linear, 1).values).toEqual([1206]);
    // No trend (phi 0): the level.
    expect(project(fit, [12, 0, true], 2).map(toMinor)).toEqual([1175, 1175]);
  });

  it('chooses the first grid pair when every pair fits the holdout equally (a repeated season has no trend)', () => {
    expect(chooseParameters(repeat(pattern, 3))).toEqual([6, 0, true]);
    expect(seasonalForecast(repeat(pattern, 3), 12)).toMatchObject({
      method: 'multiplicative',
      window: 6,
      phi: 0,
      values: pattern,
    });
  });

  it('chooses the damping that fits a trending holdout best', () => {
    const trending = Array.from({ length: 36 }, (_, t) => (1000 + 20 * t) * ((pattern[t % 12] ?? 0) / 650));
    const [, phi, seasonal] = chooseParameters(trending.map(toMinor));
    expect(phi).toBeGreaterThan(0);
    expect(seasonal).toBe(true);
  });

  it('sums the damping: phi + phi^2 + ... + phi^x', () => {
    expect(dampedSum(0.5, 2)).toBe(0.75);
    expect(dampedSum(1, 3.5)).toBe(3.5);
    expect(dampedSum(0, 5)).toBe(0);
  });

  it('measures MAPE over the months with sales only, and seasonal-naive repeats the last season', () => {
    expect(meanAbsolutePercentageError([100, 0, 200], [110, 5, 150])).toBeCloseTo(0.175, 12);
    expect(meanAbsolutePercentageError([0, 0], [1, 2])).toBeNull();
    expect(
      seasonalNaive(
        Array.from({ length: 13 }, (_, i) => i + 1),
        13,
      ),
    ).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 2]);
    expect(seasonalNaive([5], 2)).toEqual([0, 0]);
  });

  it('rounds to minor units half to even and never below zero', () => {
    expect([2.5, 3.5, 1.4999, -3, Number.NaN, 7.51].map(toMinor)).toEqual([2, 4, 1, 0, 0, 8]);
  });
});

describe('seasonal forecast: properties (seeded)', () => {
  const history = fc.array(fc.integer({ min: -50_000, max: 5_000_000 }), { minLength: 0, maxLength: 60 });

  it('is deterministic and gives `horizon` safe integers, none below 0', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: 1, max: 24 }), (series, horizon) => {
        const first = seasonalForecast(series, horizon);
        expect(seasonalForecast([...series], horizon)).toEqual(first);
        expect(first.values).toHaveLength(horizon);
        expect(first.values.every((value) => Number.isSafeInteger(value) && value >= 0)).toBe(true);
      }),
      seeded,
    );
  });

  it('forecasts a constant series as that constant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 60 }), (value, length) => {
        expect(seasonalForecast(new Array<number>(length).fill(value), 12).values).toEqual(
          new Array<number>(12).fill(value),
        );
      }),
      seeded,
    );
  });

  it('forecasts a positive season repeated two to five times as that season', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 2, max: 5 }),
        (season, times) => {
          const values = seasonalForecast(repeat(season, times), 12).values;
          values.forEach((value, i) => expect(Math.abs(value - (season[i] ?? 0))).toBeLessThanOrEqual(1));
        },
      ),
      seeded,
    );
  });
});

describe('comparison with seasonal-naive', () => {
  it('takes the forecasts from every origin and refuses a series too short for them', () => {
    const season = repeat(pattern, 3);
    const growing = [...season, ...pattern.map((value) => value * 2)];
    const one = compareWithSeasonalNaive(growing, 1);
    // From 36 months the model repeats the season (MAPE 0.5: half of each doubled month); naive the same.
    expect(one).toEqual({ origins: 1, horizon: 12, modelMape: 0.5, naiveMape: 0.5, ratio: 1 });
    expect(() => compareWithSeasonalNaive(season, 24)).toThrow(RangeError);
  });
});
