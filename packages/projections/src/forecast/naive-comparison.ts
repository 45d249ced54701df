import { meanAbsolutePercentageError, seasonalForecast, seasonalNaive } from './seasonal-model.js';

/** MAPE of the model and of seasonal-naive over the same forecasts, and their ratio (model / naive). */
export interface NaiveComparison {
  readonly origins: number;
  readonly horizon: number;
  readonly modelMape: number;
  readonly naiveMape: number;
  readonly ratio: number;
}

/**
 * Rolling-origin comparison with the seasonal-naive forecast: from each of the last `origins` months from which
 * `horizon` months of actuals remain, both forecast the next `horizon` months from every month before it; each MAPE
 * is the mean over every (origin, month) pair with sales. Throws when the series is too short for one origin.
 */
export function compareWithSeasonalNaive(series: readonly number[], origins: number, horizon = 12): NaiveComparison {
  const last = series.length - horizon;
  const first = last - origins + 1;
  if (first < 12)
    throw new RangeError(
      `a comparison over ${origins} origins and ${horizon} months needs ${origins + horizon + 11} months`,
    );
  const actual: number[] = [];
  const model: number[] = [];
  const naive: number[] = [];
  for (let origin = first; origin <= last; origin += 1) {
    const history = series.slice(0, origin);
    actual.push(...series.slice(origin, origin + horizon));
    model.push(...seasonalForecast(history, horizon).values);
    naive.push(...seasonalNaive(history, horizon));
  }
  const modelMape = meanAbsolutePercentageError(actual, model);
  const naiveMape = meanAbsolutePercentageError(actual, naive);
  if (modelMape === null || naiveMape === null || naiveMape === 0)
    throw new RangeError('the series has no sales to measure against');
  return { origins, horizon, modelMape, naiveMape, ratio: modelMape / naiveMape };
}
