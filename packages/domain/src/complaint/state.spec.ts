import type { ComplaintEvent } from './events.js';
import { evolve, initialState, type Complaint, type ComplaintState } from './state.js';
import { ev, historyUntil, ids } from './testing.js';

const fold = (events: readonly ComplaintEvent[], from: ComplaintState = initialState()) => events.reduce(evolve, from);

describe('evolve', () => {
  it('starts with no complaint', () => {
    expect(initialState()).toEqual({ status: 'none' });
  });

  it('folds the happy path into a closed complaint', () => {
    expect(fold(historyUntil('closed'))).toEqual({
      status: 'closed',
      complaintId: ids.complaint,
      customerId: ids.customer,
      ownerRepId: ids.ownerRep,
      region: ids.east,
      handlerId: ids.handler,
      rootCause: 'delivery_delay',
      escalationLevel: 0,
      reopenCount: 0,
      pausedAt: null,
      closedAt: ev.closed().data.closedAt,
      compensationRequest: null,
      approvedCompensation: null,
      lastAt: ev.closed().data.closedAt,
      timeline: {
        severity: 'medium',
        filedAt: ev.filed().data.filedAt,
        acknowledgedAt: ev.acknowledged().data.acknowledgedAt,
        pauses: [{ pausedAt: ev.awaiting().data.pausedAt, resumedAt: ev.responded().data.resumedAt }],
        resolutions: [
          { resolvedAt: ev.resolved().data.resolvedAt, closedAt: ev.closed().data.closedAt, reopenedAt: null },
        ],
      },
    });
  });

  it.each([
    ['filed', 'filed'],
    ['assigned', 'filed'],
    ['acknowledged', 'acknowledged'],
    ['investigating', 'investigating'],
    ['awaiting', 'awaiting_customer'],
    ['resolved', 'resolved'],
    ['closed', 'closed'],
  ] as const)('after %s the status is %s', (step, status) => {
    expect(fold(historyUntil(step)).status).toBe(status);
  });

  it('tracks the wait, escalations and reopens', () => {
    expect(fold(historyUntil('awaiting'))).toMatchObject({ pausedAt: ev.awaiting().data.pausedAt });
    expect(fold([...historyUntil('acknowledged'), ev.escalated(3, 1), ev.escalated(4, 2)])).toMatchObject({
      escalationLevel: 2,
    });
    const reopened = fold([...historyUntil('closed'), ev.reopened()]) as Complaint;
    expect(reopened).toMatchObject({
      status: 'investigating',
      reopenCount: 1,
      handlerId: ids.handler,
      rootCause: 'delivery_delay',
    });
    expect(reopened.timeline.resolutions).toEqual([
      {
        resolvedAt: ev.resolved().data.resolvedAt,
        closedAt: ev.closed().data.closedAt,
        reopenedAt: ev.reopened(72).data.reopenedAt,
      },
    ]);
  });

  it('ignores events that do not apply to the state', () => {
    expect(fold([ev.acknowledged()])).toEqual({ status: 'none' });
    const filed = fold([ev.filed()]);
    expect(evolve(filed, ev.filed('critical'))).toBe(filed);
    expect(evolve(filed, ev.closed())).toBe(filed);
    const closed = fold(historyUntil('closed'));
    expect(evolve(closed, ev.assigned(50, ids.otherHandler))).toBe(closed);
  });
});
