import { autoEts, type EtsFit } from './ets-fit.js';

/** Fits kept: a report asks for one per group and currency (and per month for accuracy), a few hundred at most. */
const KEPT = 512;

const fits = new Map<string, EtsFit | null>();

/**
 * `autoEts` of `series`, kept by the series' values. A fit costs up to about 150 ms of CPU on a long history and is a
 * pure function of the values; the whole months a report fits on change only when a past month does, so reports
 * asked again after new events mostly find their fits here. The least recently used is forgotten past `KEPT`.
 */
export function memoisedAutoEts(series: readonly number[]): EtsFit | null {
  const key = series.join(',');
  if (fits.has(key)) {
    const fit = fits.get(key) ?? null;
    fits.delete(key);
    fits.set(key, fit);
    return fit;
  }
  const fit = autoEts(series);
  fits.set(key, fit);
  if (fits.size > KEPT) fits.delete(fits.keys().next().value ?? key);
  return fit;
}
