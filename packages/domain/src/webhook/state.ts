import type { RegionId } from '../shared/ids.js';
import type { WebhookEvent } from './events.js';
import type { AlertKind } from './vocabulary.js';

/** The state of a webhook subscription's stream. */
export type WebhookState =
  | { readonly status: 'none' }
  | {
      readonly status: 'active' | 'cancelled';
      readonly url: string;
      readonly kinds: readonly AlertKind[];
      readonly region: RegionId | null;
    };

/** The state before any event. */
export const initialState = (): WebhookState => ({ status: 'none' });

/** Folds one event into the state. */
export function evolve(state: WebhookState, event: WebhookEvent): WebhookState {
  switch (event.type) {
    case 'WebhookSubscribed':
      return { status: 'active', url: event.data.url, kinds: event.data.kinds, region: event.data.region };
    case 'WebhookSubscriptionCancelled':
      return state.status === 'none' ? state : { ...state, status: 'cancelled' };
  }
}
