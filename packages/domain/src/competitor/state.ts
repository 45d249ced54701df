import type { CompetitorEvent, CompetitorPriceObserved } from './events.js';

/** The observation a stream holds, as recorded, or none yet. */
export type CompetitorState =
  { readonly status: 'none' } | { readonly status: 'recorded'; readonly observation: CompetitorPriceObserved };

/** The state before any event. */
export const initialState = (): CompetitorState => ({ status: 'none' });

/** Folds one event into the state: an observation is recorded once and never changes. */
export const evolve = (state: CompetitorState, event: CompetitorEvent): CompetitorState =>
  state.status === 'none' ? { status: 'recorded', observation: event.data } : state;
