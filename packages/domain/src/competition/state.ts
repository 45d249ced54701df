import type { CompetitionCreated, CompetitionEvent } from './events.js';

/** The state of a competition's stream: none yet, or its terms and whether it was cancelled. */
export type CompetitionState =
  { readonly status: 'none' } | { readonly status: 'announced' | 'cancelled'; readonly terms: CompetitionCreated };

/** The state before any event. */
export const initialState = (): CompetitionState => ({ status: 'none' });

/** Folds one event into the state. */
export function evolve(state: CompetitionState, event: CompetitionEvent): CompetitionState {
  switch (event.type) {
    case 'CompetitionCreated':
      return { status: 'announced', terms: event.data };
    case 'CompetitionCancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
  }
}
