import type { ActionId, RegionId } from '../shared/ids.js';
import type { OpenImprovementAction } from './commands.js';
import type { ImprovementActionEvent } from './events.js';

/** Where an action stands: `open`, `in_progress`, then `done` or `dropped` (both final). */
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'dropped';

/** No action in the stream yet. */
export interface NoAction {
  readonly status: 'none';
}

/** An action: its terms as opened and its status. */
export interface OpenedImprovementAction {
  readonly status: ActionStatus;
  readonly actionId: ActionId;
  readonly region: RegionId | undefined;
  readonly terms: Omit<OpenImprovementAction, 'actionId' | 'region'>;
}

/** The state of an action stream. */
export type ImprovementActionState = NoAction | OpenedImprovementAction;

/** The state before any event. */
export const initialState = (): ImprovementActionState => ({ status: 'none' });

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: ImprovementActionState, event: ImprovementActionEvent): ImprovementActionState {
  switch (event.type) {
    case 'ImprovementActionOpened': {
      if (state.status !== 'none') return state;
      const { actionId, region, title, finding, department, ownerId, dueOn } = event.data;
      return { status: 'open', actionId, region, terms: { title, finding, department, ownerId, dueOn } };
    }
    case 'ImprovementActionStatusChanged':
      return state.status === 'none' ? state : { ...state, status: event.data.to };
  }
}
