import type { ActorId, RegionId } from '../shared/ids.js';
import type { EvaluationSnapshot, Quarter } from './commands.js';
import type { EvaluationAssessed, EvaluationEvent } from './events.js';

/** An opened evaluation: its frozen snapshot, the latest assessment, and whether it was finalised and acknowledged. */
export interface Evaluation {
  readonly status: 'open' | 'finalised' | 'acknowledged';
  readonly repId: ActorId;
  readonly quarter: Quarter;
  /** The rep's region when it was opened: whose managers evaluate it. */
  readonly region: RegionId;
  readonly snapshot: EvaluationSnapshot;
  readonly openedBy: ActorId;
  readonly assessment: EvaluationAssessed | null;
}

/** Never opened, or the evaluation. */
export type EvaluationState = { readonly status: 'none' } | Evaluation;

/** Nothing opened. */
export const initialState = (): EvaluationState => ({ status: 'none' });

/** Folds one event into the evaluation. */
export function evolve(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  switch (event.type) {
    case 'EvaluationOpened': {
      const { repId, quarter, region, snapshot, openedBy } = event.data;
      return { status: 'open', repId, quarter, region, snapshot, openedBy, assessment: null };
    }
    case 'EvaluationAssessed':
      return state.status === 'none' ? state : { ...state, assessment: event.data };
    case 'EvaluationFinalised':
      return state.status === 'none' ? state : { ...state, status: 'finalised' };
    case 'EvaluationAcknowledged':
      return state.status === 'none' ? state : { ...state, status: 'acknowledged' };
  }
}
