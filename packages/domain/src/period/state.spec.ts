import { PeriodClosed, PeriodReopened, PeriodReopeningRequested, type PeriodEvent } from './events.js';
import { closedMonths, evolve, initialState, isClosed } from './state.js';

const fold = (events: readonly PeriodEvent[]) => events.reduce(evolve, initialState());
const closed = (month: string, closedAt: string): PeriodEvent => ({
  type: 'PeriodClosed',
  data: PeriodClosed.parse({ month, closedBy: 'sm-1', closedAt }),
});
const requested = (month: string): PeriodEvent => ({
  type: 'PeriodReopeningRequested',
  data: PeriodReopeningRequested.parse({
    month,
    reason: 'late invoice',
    requestedBy: 'sm-1',
    requesterRole: 'sales_manager',
    requestedAt: '2026-04-03T09:00:00Z',
  }),
});
const reopened = (month: string): PeriodEvent => ({
  type: 'PeriodReopened',
  data: PeriodReopened.parse({
    month,
    reason: 'late invoice',
    requestedBy: 'sm-1',
    approvedBy: 'fin-1',
    approverRole: 'finance',
    reopenedAt: '2026-04-04T09:00:00Z',
  }),
});

describe('the period-close fold', () => {
  it('ignores a reopening request or a reopening of a month never closed', () => {
    expect(fold([requested('2026-03'), reopened('2026-03')])).toEqual(initialState());
  });

  it('counts reopenings across closes and lists the months closed now, in order', () => {
    const state = fold([
      closed('2026-03', '2026-04-02T09:00:00Z'),
      closed('2026-01', '2026-02-02T09:00:00Z'),
      requested('2026-03'),
      reopened('2026-03'),
      closed('2026-03', '2026-04-05T09:00:00Z'),
      closed('2026-02', '2026-03-02T09:00:00Z'),
    ]);
    expect(state.months['2026-03']).toEqual({
      status: 'closed',
      closedBy: 'sm-1',
      closedAt: '2026-04-05T09:00:00Z',
      reopening: null,
      reopenings: 1,
      lastReopenedAt: '2026-04-04T09:00:00Z',
    });
    expect(closedMonths(state)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(
      isClosed(fold([closed('2026-03', '2026-04-02T09:00:00Z'), requested('2026-03'), reopened('2026-03')]), '2026-03'),
    ).toBe(false);
    expect(isClosed(state, '2026-04')).toBe(false);
  });
});
