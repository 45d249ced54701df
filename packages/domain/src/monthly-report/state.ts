import type { ActorId, RegionId } from '../shared/ids.js';
import type { IsoDateTime, YearMonth } from '../shared/time.js';
import type { MonthlyReportFigures } from './commands.js';
import type { MonthlyReportEvent } from './events.js';

/** The latest submission of a region's month and what the sales manager decided on it. */
export interface MonthlyReport {
  readonly status: 'submitted' | 'accepted' | 'returned';
  readonly month: YearMonth;
  readonly region: RegionId;
  readonly submission: number;
  readonly commentary: string;
  readonly figures: MonthlyReportFigures;
  readonly submittedBy: ActorId;
  readonly submittedAt: IsoDateTime;
  /** Who accepted or returned it, when, and the reason of a return. */
  readonly decidedBy: ActorId | null;
  readonly decidedAt: IsoDateTime | null;
  readonly returnReason: string | null;
}

/** Never submitted, or the latest submission. */
export type MonthlyReportState = { readonly status: 'none' } | MonthlyReport;

/** Nothing submitted. */
export const initialState = (): MonthlyReportState => ({ status: 'none' });

/** Folds one event into the report. */
export function evolve(state: MonthlyReportState, event: MonthlyReportEvent): MonthlyReportState {
  switch (event.type) {
    case 'MonthlyReportSubmitted': {
      const { month, region, submission, commentary, figures, submittedBy, submittedAt } = event.data;
      return {
        status: 'submitted',
        month,
        region,
        submission,
        commentary,
        figures,
        submittedBy,
        submittedAt,
        decidedBy: null,
        decidedAt: null,
        returnReason: null,
      };
    }
    case 'MonthlyReportAccepted':
      return state.status === 'none'
        ? state
        : { ...state, status: 'accepted', decidedBy: event.data.acceptedBy, decidedAt: event.data.acceptedAt };
    case 'MonthlyReportReturned':
      return state.status === 'none'
        ? state
        : {
            ...state,
            status: 'returned',
            decidedBy: event.data.returnedBy,
            decidedAt: event.data.returnedAt,
            returnReason: event.data.reason,
          };
  }
}
