import type { ActorId } from '../shared/ids.js';
import type { IsoDateTime, YearMonth } from '../shared/time.js';
import type { PeriodEvent, ReopeningRole } from './events.js';

/** A pending request to reopen a closed month. */
export interface ReopeningRequest {
  readonly reason: string;
  readonly requestedBy: ActorId;
  readonly requesterRole: ReopeningRole;
  readonly requestedAt: IsoDateTime;
}

/** One month's close history: closed now or reopened, the last close, the pending reopening, how often reopened. */
export interface MonthClose {
  readonly status: 'closed' | 'reopened';
  readonly closedBy: ActorId;
  readonly closedAt: IsoDateTime;
  readonly reopening: ReopeningRequest | null;
  readonly reopenings: number;
  readonly lastReopenedAt: IsoDateTime | null;
}

/** Every month that was ever closed, by `YYYY-MM`; a month not listed was never closed (open). */
export interface PeriodsState {
  readonly months: Readonly<Record<YearMonth, MonthClose>>;
}

/** No month closed. */
export const initialState = (): PeriodsState => ({ months: {} });

const withMonth = (state: PeriodsState, month: YearMonth, close: MonthClose): PeriodsState => ({
  months: { ...state.months, [month]: close },
});

/** Folds one event into the close history. */
export function evolve(state: PeriodsState, event: PeriodEvent): PeriodsState {
  const current = state.months[event.data.month];
  switch (event.type) {
    case 'PeriodClosed': {
      const { month, closedBy, closedAt } = event.data;
      return withMonth(state, month, {
        reopenings: 0,
        lastReopenedAt: null,
        ...current,
        status: 'closed',
        closedBy,
        closedAt,
        reopening: null,
      });
    }
    case 'PeriodReopeningRequested': {
      if (current === undefined) return state;
      const { reason, requestedBy, requesterRole, requestedAt } = event.data;
      return withMonth(state, event.data.month, {
        ...current,
        reopening: { reason, requestedBy, requesterRole, requestedAt },
      });
    }
    case 'PeriodReopened':
      if (current === undefined) return state;
      return withMonth(state, event.data.month, {
        ...current,
        status: 'reopened',
        reopening: null,
        reopenings: current.reopenings + 1,
        lastReopenedAt: event.data.reopenedAt,
      });
  }
}

/** Whether `month` is closed now. */
export const isClosed = (state: PeriodsState, month: YearMonth): boolean => state.months[month]?.status === 'closed';

/** The months closed now, in order. */
export const closedMonths = (state: PeriodsState): YearMonth[] =>
  Object.keys(state.months)
    .filter((month) => isClosed(state, month))
    .sort();
