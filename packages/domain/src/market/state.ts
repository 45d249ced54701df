import type { MarketEvent } from './events.js';

/** The estimate in force for one period and currency of a cell. */
export interface MarketEstimate {
  readonly amount: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly source: string;
}

/** The estimates of one region and segment, by `<period> <currency>`; superseded ones stay in the stream. */
export interface MarketState {
  readonly estimates: Readonly<Record<string, MarketEstimate>>;
}

/** The key of a period and currency in {@link MarketState.estimates}. */
export const estimateKey = (period: string, currency: string): string => `${period} ${currency}`;

/** The state before any event. */
export const initialState = (): MarketState => ({ estimates: {} });

/** Folds one event into the state: the latest estimate of a period and currency is the one in force. */
export function evolve(state: MarketState, event: MarketEvent): MarketState {
  const { period, currency, amount, low, high, source } = event.data;
  return { estimates: { ...state.estimates, [estimateKey(period, currency)]: { amount, low, high, source } } };
}
