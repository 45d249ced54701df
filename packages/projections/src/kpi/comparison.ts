import { ratio } from '../model/ratio.js';

/** A figure against an earlier period: the earlier value (`null` when that period has no data), the difference and its ratio. */
export interface Comparison {
  readonly previous: number | null;
  /** current - previous; `null` without previous data. */
  readonly change: number | null;
  /** (current - previous) / previous; `null` without previous data or when it was 0. */
  readonly change_ratio: number | null;
}

/**
 * Compares `current` with `previous`.
 * @example comparison(120, 100) // { previous: 100, change: 20, change_ratio: 0.2 }
 * @example comparison(120, null) // { previous: null, change: null, change_ratio: null }
 */
export function comparison(current: number, previous: number | null): Comparison {
  if (previous === null) return { previous: null, change: null, change_ratio: null };
  return { previous, change: current - previous, change_ratio: ratio(current - previous, previous) };
}
