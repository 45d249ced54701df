import fc from 'fast-check';
import { centredMovingAverage } from './decomposition.js';
import { compareWithSeasonalNaive } from './naive-comparison.js';
import { meanAbsolutePercentageError, seasonalForecast, seasonalNaive, toMinor } from './seasonal-model.js';
import { autocorrelationTest, isSeasonal, seasonalStrength } from './seasonality.js';
import { fitSmoothing, leastSquaresSlope, thetaLine } from './theta.js';

/** 40 runs, not more: every history of 24 months or more fits the 15 ETS models (tens of milliseconds each). */
const fitted = { seed: 20261206, numRuns: 40 };
const pattern = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200];
const repeat = (season: readonly number[], times: number): number[] =>
  Array.from({ length: times }, () => season).flat();

describe('seasonal forecast: hand-computed cases', () => {
  it('forecasts zeros without history and the mean of the last six months below 24 months', () => {
    expect(seasonalForecast([], 2)).toEqual({
      method: 'none',
      values: [0, 0],
      seasonality: 'none',
      alpha: 0,
      drift: 0,
      ets: null,
    });
    expect(seasonalForecast([100, 200, 300], 2)).toMatchObject({ method: 'flat', values: [200, 200] });
    // (10 + 20 + ... + 70) minus the first month: mean of 20..70 = 45.
    expect(seasonalForecast([10, 20, 30, 40, 50, 60, 70], 1).values).toEqual([45]);
    // Means are rounded half to even: 2.5 -> 2, 3.5 -> 4.
    expect(seasonalForecast([1, 4], 1).values).toEqual([2]);
    expect(seasonalForecast([3, 4], 1).values).toEqual([4]);
  });

  it('gives back a season repeated three times: the moving average is the season mean (650), the indices the season over 650', () => {
    expect(centredMovingAverage(repeat(pattern, 3))[6]).toBe(650);
    const forecast = seasonalForecast(repeat(pattern, 3), 14);
    expect(forecast).toMatchObject({
      method: 'ets-theta',
      seasonality: 'multiplicative',
      values: [...pattern, 100, 200],
    });
    expect(forecast.drift).toBeCloseTo(0, 9);
  });

  it('falls back to the additive decomposition when a month of the year never sells (its index would be 0)', () => {
    const season = [0, ...pattern.slice(1)];
    const forecast = seasonalForecast(repeat(season, 3), 12);
    expect(forecast.seasonality).toBe('additive');
    expect(forecast.values).toEqual(season);
  });

  it('follows no season in two years of a smooth season: the autocorrelation test asks for more evidence', () => {
    // r12 = 0.5 against 1.645 sqrt((1 + 2 (r1^2 + ... + r11^2)) / 24), and the strength needs three years.
    expect(autocorrelationTest(repeat(pattern, 2))).toBe(false);
    expect(isSeasonal(repeat(pattern, 2))).toBe(false);
    expect(seasonalForecast(repeat(pattern, 2), 1).seasonality).toBe('none');
    expect(seasonalStrength(repeat(pattern, 3))).toBeCloseTo(1, 9);
  });

  it('finds a December peak at 24 months (r12 = 0.5 above about 0.36), and no season in a straight line', () => {
    const december = repeat([...new Array<number>(11).fill(100), 1000], 2);
    expect(autocorrelationTest(december)).toBe(true);
    expect(seasonalForecast(december, 12)).toMatchObject({ seasonality: 'multiplicative', values: december.slice(12) });
    expect(isSeasonal(Array.from({ length: 36 }, (_, t) => 1000 + 10 * t))).toBe(false);
    expect(isSeasonal(new Array<number>(36).fill(5))).toBe(false);
  });

  it('carries half the slope of a straight line: 1000 + 10t over 24 months, alpha 1, drift 5 a month', () => {
    const linear = Array.from({ length: 24 }, (_, t) => 1000 + 10 * t);
    expect(leastSquaresSlope(linear)).toBeCloseTo(10, 9);
    expect(fitSmoothing(linear)).toEqual({ alpha: 1, level: 1230 });
    // F(h) = 1230 + 5 (h - 1 + 1/1 - 0) = 1230 + 5h.
    expect(thetaLine(linear, 3)).toMatchObject({ alpha: 1, values: [1235, 1240, 1245] });
    // ETS picks the additive trend, which follows the line exactly (1240, 1250, 1260): the mean with Theta, half to even.
    expect(seasonalForecast(linear, 3)).toMatchObject({
      method: 'ets-theta',
      seasonality: 'none',
      values: [1238, 1245, 1252],
      ets: { error: 'A', trend: 'A', season: 'N' },
    });
  });

  it('smooths a noisy level: alpha below 1 when the months swing around a constant', () => {
    const swinging = Array.from({ length: 24 }, (_, t) => (t % 2 === 0 ? 900 : 1100));
    expect(fitSmoothing(swinging).alpha).toBeLessThan(0.2);
    expect(leastSquaresSlope([5])).toBe(0);
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
      fitted,
    );
  });

  it('forecasts a constant series as that constant', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 60 }), (value, length) => {
        expect(seasonalForecast(new Array<number>(length).fill(value), 12).values).toEqual(
          new Array<number>(12).fill(value),
        );
      }),
      fitted,
    );
  });

  it('forecasts a positive season repeated three to six times as that season', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 3, max: 6 }),
        (season, times) => {
          const values = seasonalForecast(repeat(season, times), 12).values;
          values.forEach((value, i) => expect(Math.abs(value - (season[i] ?? 0))).toBeLessThanOrEqual(1));
        },
      ),
      fitted,
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
