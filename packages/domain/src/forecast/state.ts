import type { RegionId } from '../shared/ids.js';
import type { ForecastEvent } from './events.js';

/** A commit and best-case pair (minor units). */
export interface ForecastFigures {
  readonly commit: number;
  readonly bestCase: number;
}

/** One month x currency of a rep's forecast: the rep's latest numbers and the latest adjustment, if any. */
export interface ForecastEntry {
  readonly region: RegionId;
  readonly rep: ForecastFigures;
  readonly adjusted: ForecastFigures | null;
}

/** A rep's forecasts, by `<month>|<currency>`. */
export interface ForecastState {
  readonly entries: Readonly<Record<string, ForecastEntry>>;
}

/** The key of one month's forecast in one currency. */
export const entryKey = (month: string, currency: string): string => `${month}|${currency}`;

/** The state before any event. */
export const initialState = (): ForecastState => ({ entries: {} });

/** Folds one event: a submission replaces the rep's numbers (an adjustment stays beside them), an adjustment the manager's. */
export function evolve(state: ForecastState, event: ForecastEvent): ForecastState {
  const { month, currency, region, commit, bestCase } = event.data;
  const key = entryKey(month, currency);
  const before = state.entries[key];
  const entry: ForecastEntry =
    event.type === 'ForecastSubmitted'
      ? { region, rep: { commit, bestCase }, adjusted: before?.adjusted ?? null }
      : {
          region: before?.region ?? region,
          rep: before?.rep ?? { commit: event.data.repCommit, bestCase: event.data.repBestCase },
          adjusted: { commit, bestCase },
        };
  return { entries: { ...state.entries, [key]: entry } };
}
