import type { ActorId } from '../shared/ids.js';
import type { IsoDateTime, YearMonth } from '../shared/time.js';
import type { ApprovedStatementFigures } from './commands.js';
import type { CommissionStatementEvent } from './events.js';

/** An approved statement: its frozen figures, who approved it and, once finance has, who confirmed it. */
export interface ApprovedStatement {
  readonly status: 'approved' | 'confirmed';
  readonly month: YearMonth;
  readonly figures: ApprovedStatementFigures;
  readonly approvedBy: ActorId;
  readonly approvedAt: IsoDateTime;
  readonly confirmedBy: ActorId | null;
  readonly confirmedAt: IsoDateTime | null;
}

/** Not approved yet (the statement is computed live), or approved and frozen. */
export type CommissionStatementState = { readonly status: 'open' } | ApprovedStatement;

/** Nothing approved. */
export const initialState = (): CommissionStatementState => ({ status: 'open' });

/** Folds one event into the statement. */
export function evolve(state: CommissionStatementState, event: CommissionStatementEvent): CommissionStatementState {
  switch (event.type) {
    case 'CommissionStatementApproved': {
      const { month, figures, approvedBy, approvedAt } = event.data;
      return { status: 'approved', month, figures, approvedBy, approvedAt, confirmedBy: null, confirmedAt: null };
    }
    case 'CommissionStatementConfirmed':
      return state.status === 'open'
        ? state
        : { ...state, status: 'confirmed', confirmedBy: event.data.confirmedBy, confirmedAt: event.data.confirmedAt };
  }
}
