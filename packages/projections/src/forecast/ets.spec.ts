import { etsForecast, runEts, type EtsSpec } from './ets.js';
import { autoEts, ETS_MODELS, fitEts, forecastEts } from './ets-fit.js';
import { nelderMead } from './nelder-mead.js';

const spec = (error: 'A' | 'M', trend: 'N' | 'A' | 'Ad', season: 'N' | 'A' | 'M'): EtsSpec => ({
  error,
  trend,
  season,
});
const flat = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
const pattern = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200];
const repeat = (season: readonly number[], times: number): number[] =>
  Array.from({ length: times }, () => season).flat();

describe('ETS recursion: hand-computed cases', () => {
  it('smooths the level with additive errors: from 10, y = 12 then 8, alpha 0.5', () => {
    // Means 10 and 11, errors 2 and -3: likelihood 2 log(4 + 9), last level 11 - 1.5.
    const run = runEts([12, 8], spec('A', 'N', 'N'), flat, { level: 10, slope: 0, season: [] });
    expect(run?.final.level).toBe(9.5);
    expect(run?.likelihood).toBeCloseTo(2 * Math.log(13), 12);
  });

  it('updates a multiplicative season and scores relative errors: level 10, season 1.5, y = 18', () => {
    const season = [1.5, 0.5, ...new Array<number>(10).fill(1)];
    const p = { alpha: 0.5, beta: 0, gamma: 0.1, phi: 1 };
    const run = runEts([18], spec('M', 'N', 'M'), p, { level: 10, slope: 0, season });
    // Mean 15, error 3: level 10 + 0.5 x 3 / 1.5, season 1.5 + 0.1 x 3 / 10; -2 log L = log(0.2^2) + 2 log 15.
    expect(run?.final.level).toBe(11);
    expect(run?.final.season[0]).toBeCloseTo(1.53, 12);
    expect(run?.likelihood).toBeCloseTo(Math.log(0.04) + 2 * Math.log(15), 12);
  });

  it('has no likelihood for a multiplicative model whose mean reaches 0', () => {
    expect(runEts([5, 0, 5], spec('M', 'N', 'N'), { ...flat, alpha: 0.9999 }, { level: 0, slope: 0, season: [] })).toBe(
      null,
    );
  });

  it('damps the trend: level 100, slope 10, phi 0.9 gives 109 then 117.1', () => {
    const p = { alpha: 0.5, beta: 0.1, gamma: 0, phi: 0.9 };
    const values = etsForecast(spec('A', 'Ad', 'N'), p, { level: 100, slope: 10, season: [] }, 24, 2);
    expect(values[0]).toBeCloseTo(109, 12);
    expect(values[1]).toBeCloseTo(117.1, 12);
  });
});

describe('ETS fitting and selection by AICc', () => {
  it('considers the 15 models of forecast::ets, none with additive error and multiplicative season', () => {
    expect(ETS_MODELS).toHaveLength(15);
    expect(ETS_MODELS.some((m) => m.error === 'A' && m.season === 'M')).toBe(false);
  });

  it('picks a seasonal model for a repeated season and gives the season back', () => {
    const fit = autoEts(repeat(pattern, 4));
    if (fit === null) throw new Error('no model fitted');
    expect(fit.spec.season).not.toBe('N');
    forecastEts(fit, 12).forEach((value, i) => expect(Math.abs(value - (pattern[i] ?? 0))).toBeLessThan(1));
  });

  it('picks no season for months that swing without one, and is deterministic', () => {
    const noisy = Array.from({ length: 48 }, (_, t) => 940 + ((t * 7919) % 13) * 10);
    const fit = autoEts(noisy);
    expect(fit?.spec.season).toBe('N');
    expect(autoEts([...noisy])).toEqual(fit);
  });

  it('fits only additive models to a series with a month at 0 (a multiplicative mean must stay above 0)', () => {
    const fit = autoEts(repeat([0, ...pattern.slice(1)], 3));
    expect(fit?.spec).toMatchObject({ error: 'A', season: 'A' });
    expect(fitEts([1, 2, 3], spec('A', 'N', 'A'))).toBe(null);
  });

  it('minimises by Nelder-Mead from a fixed start: (x - 3)^2 + (y + 1)^2 to (3, -1)', () => {
    const found = nelderMead(([x = 0, y = 0]) => (x - 3) ** 2 + (y + 1) ** 2, [0, 0], [1, 1], 500);
    expect(found.point[0]).toBeCloseTo(3, 4);
    expect(found.point[1]).toBeCloseTo(-1, 4);
  });
});
