import { registeredAccess } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { Actor } from '../shared/actors.js';
import { fold } from '../shared/decider.js';
import type { PeriodCommand } from './commands.js';
import { nextMonthStart, periodDecider } from './decide.js';
import type { PeriodEvent } from './events.js';
import { closedMonths } from './state.js';

const given = deciderSpec(periodDecider);
const finance = actor('fin-1', 'finance');
const finance2 = actor('fin-2', 'finance');
const salesManager = actor('sm-1', 'sales_manager');
const system = actor('importer', 'system');
const at = '2026-04-03T02:00:00Z';

const command = (type: PeriodCommand['type'], by: Actor, data: Record<string, string> = {}, occurredAt = at) =>
  ({
    type,
    data: { month: '2026-03', ...data },
    metadata: { actor: by, occurredAt },
    access: registeredAccess(by),
  }) as PeriodCommand & { access: ReturnType<typeof registeredAccess> };
const closed = (by: Actor = finance): PeriodEvent => ({
  type: 'PeriodClosed',
  data: { month: '2026-03', closedBy: by.id, closedAt: at },
});
const requested = (by: Actor = salesManager, reason = 'late invoice from the north'): PeriodEvent => ({
  type: 'PeriodReopeningRequested',
  data: {
    month: '2026-03',
    reason,
    requestedBy: by.id,
    requesterRole: by.role === 'finance' ? 'finance' : 'sales_manager',
    requestedAt: at,
  },
});

describe('ClosePeriod', () => {
  it('closes an ended month once (finance or the system); again is a no-op', () => {
    given([]).when(command('ClosePeriod', finance)).then([closed()]);
    given([])
      .when(command('ClosePeriod', system))
      .then([closed(system)]);
    given([closed()]).when(command('ClosePeriod', finance2)).then([]);
  });
  it('refuses a month that has not ended: the business date may be one day ahead of UTC', () => {
    given([])
      .when(command('ClosePeriod', finance, {}, '2026-03-30T20:00:00Z'))
      .then('PERIOD_NOT_ENDED');
    given([])
      .when(command('ClosePeriod', finance, {}, '2026-03-31T16:30:00Z'))
      .then([
        { type: 'PeriodClosed', data: { month: '2026-03', closedBy: finance.id, closedAt: '2026-03-31T16:30:00Z' } },
      ]);
    given([])
      .when(command('ClosePeriod', finance, { month: '2026-12' }, '2026-12-31T23:00:00Z'))
      .then([
        { type: 'PeriodClosed', data: { month: '2026-12', closedBy: finance.id, closedAt: '2026-12-31T23:00:00Z' } },
      ]);
  });
  it('is for finance only', () => {
    given([]).when(command('ClosePeriod', salesManager)).then('PERIOD_NOT_AUTHORIZED');
    given([])
      .when(command('ClosePeriod', actor('rm-east', 'regional_manager', 'east')))
      .then('PERIOD_NOT_AUTHORIZED');
  });
  it('checks a sales manager against the register first', () => {
    const unregistered = {
      ...command('RequestPeriodReopening', salesManager, { reason: 'x' }),
      access: { actor: null },
    };
    given([closed()]).when(unregistered).then('ACTOR_NOT_REGISTERED');
  });
});

describe('reopening a closed month', () => {
  it('takes a request with a reason and an approval by a different person of the other role', () => {
    given([closed()])
      .when(command('RequestPeriodReopening', salesManager, { reason: 'late invoice from the north' }))
      .then([requested()]);
    given([closed(), requested()])
      .when(command('ApprovePeriodReopening', finance))
      .then([
        {
          type: 'PeriodReopened',
          data: {
            month: '2026-03',
            reason: 'late invoice from the north',
            requestedBy: salesManager.id,
            approvedBy: finance.id,
            approverRole: 'finance',
            reopenedAt: at,
          },
        },
      ]);
    given([closed(), requested(finance)])
      .when(command('ApprovePeriodReopening', salesManager))
      .then([
        {
          type: 'PeriodReopened',
          data: {
            month: '2026-03',
            reason: 'late invoice from the north',
            requestedBy: finance.id,
            approvedBy: salesManager.id,
            approverRole: 'sales_manager',
            reopenedAt: at,
          },
        },
      ]);
  });
  it('refuses an approval by the same role or without a request', () => {
    given([closed(), requested(finance)])
      .when(command('ApprovePeriodReopening', finance2))
      .then('PERIOD_SECOND_APPROVER_REQUIRED');
    given([closed(), requested(finance)])
      .when(command('ApprovePeriodReopening', finance))
      .then('PERIOD_SECOND_APPROVER_REQUIRED');
    given([closed()]).when(command('ApprovePeriodReopening', finance)).then('PERIOD_REOPENING_NOT_REQUESTED');
  });
  it('refuses a month that is not closed, a second request, and other roles', () => {
    given([])
      .when(command('RequestPeriodReopening', salesManager, { reason: 'x' }))
      .then('PERIOD_NOT_CLOSED');
    given([closed(), requested()])
      .when(command('RequestPeriodReopening', salesManager, { reason: 'late invoice from the north' }))
      .then([]);
    given([closed(), requested()])
      .when(command('RequestPeriodReopening', finance, { reason: 'other' }))
      .then('PERIOD_REOPENING_PENDING');
    given([closed()])
      .when(command('RequestPeriodReopening', system, { reason: 'x' }))
      .then('PERIOD_NOT_AUTHORIZED');
  });
  it('leaves the month open until finance closes it again', () => {
    const history = given([closed(), requested()])
      .when(command('ApprovePeriodReopening', finance))
      .then([
        {
          type: 'PeriodReopened',
          data: {
            month: '2026-03',
            reason: 'late invoice from the north',
            requestedBy: salesManager.id,
            approvedBy: finance.id,
            approverRole: 'finance',
            reopenedAt: at,
          },
        },
      ]);
    const state = fold(periodDecider, [closed(), requested(), ...history]);
    expect(closedMonths(state)).toEqual([]);
    expect(state.months['2026-03']).toMatchObject({ status: 'reopened', reopenings: 1, reopening: null });
    given([closed(), requested(), ...history])
      .when(command('ClosePeriod', finance2))
      .then([closed(finance2)]);
    expect(closedMonths(fold(periodDecider, [closed(), requested(), ...history, closed(finance2)]))).toEqual([
      '2026-03',
    ]);
  });
});

describe('nextMonthStart', () => {
  it('rolls over the year', () => {
    expect(nextMonthStart('2026-03')).toBe('2026-04-01');
    expect(nextMonthStart('2026-12')).toBe('2027-01-01');
  });
});
