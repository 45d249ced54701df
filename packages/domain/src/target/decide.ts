import type { WithAccess } from '../shared/access.js';
import { checkMonthOpen, type WithPeriods } from '../period/late-facts.js';
import { targetAccess } from './access.js';
import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { RegionId } from '../shared/ids.js';
import { authorize, refuse, type TargetError } from './errors.js';
import { splitSalesTarget } from './split.js';
import {
  targetKeyOf,
  type ReviseSalesTargetCommand,
  type SetSalesTargetCommand,
  type TargetCommand,
} from './commands.js';
import type { TargetEvent } from './events.js';
import { periodMonths } from './period.js';
import { evolve, initialState, type TargetState } from './state.js';

/** Sets a target once; the same values again are a no-op, other values must go through ReviseSalesTarget. */
function setSalesTarget(
  command: SetSalesTargetCommand,
  state: TargetState,
): Either<TargetError, readonly TargetEvent[]> {
  const { data, metadata } = command;
  const region = data.region ?? (data.scopeId as RegionId);
  const allowed = authorize(metadata.actor, region);
  if (isLeft(allowed)) return allowed;
  if (state.status === 'set') {
    const same = state.initialAmount === data.amount && state.currency === data.currency && state.region === region;
    return same
      ? right([])
      : refuse('TARGET_ALREADY_SET', 'the target is already set with other values; revise it instead', {
          amount: state.amount,
          currency: state.currency,
          region: state.region,
        });
  }
  const { scope, scopeId, amount, currency } = data;
  const { period, measure } = targetKeyOf(data);
  const setBy = metadata.actor.id;
  return right([
    {
      type: 'SalesTargetSet',
      data: { period, measure, scope, scopeId, region, currency, amount, setBy, setAt: metadata.occurredAt },
    },
  ]);
}

/** Revises a target that was set; the amount in force again is a no-op. */
function reviseSalesTarget(
  command: ReviseSalesTargetCommand,
  state: TargetState,
): Either<TargetError, readonly TargetEvent[]> {
  if (state.status === 'none') return refuse('TARGET_NOT_SET', 'there is no target to revise; set it first');
  const { data, metadata } = command;
  const allowed = authorize(metadata.actor, state.region);
  if (isLeft(allowed)) return allowed;
  if (data.amount === state.amount) return right([]);
  const { period, measure, scope, scopeId, region, currency, amount: previousAmount } = state;
  return right([
    {
      type: 'SalesTargetRevised',
      data: {
        period,
        measure,
        scope,
        scopeId,
        region,
        currency,
        previousAmount,
        amount: data.amount,
        reason: data.reason,
        revisedBy: metadata.actor.id,
        revisedAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Decides a Target command against the target's state. */
function decideCommand(
  command: WithAccess<TargetCommand>,
  state: TargetState,
): Either<DomainError, readonly TargetEvent[]> {
  const access = targetAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'SetSalesTarget':
      return setSalesTarget(command, state);
    case 'ReviseSalesTarget':
      return reviseSalesTarget(command, state);
    case 'SplitSalesTarget':
      return splitSalesTarget(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * Decides a Target command; a change to a target whose period has ended in a closed month (its last month closed) is
 * refused, as its attainment must not move.
 */
function decide(
  command: WithAccess<WithPeriods<TargetCommand>>,
  state: TargetState,
): Either<DomainError, readonly TargetEvent[]> {
  const decision = decideCommand(command, state);
  if (decision._tag === 'Left' || decision.right.length === 0) return decision;
  const months = periodMonths(targetKeyOf(command.data).period);
  const open = checkMonthOpen(months[months.length - 1] ?? '', command.periods);
  return open._tag === 'Left' ? open : decision;
}

/** The Target aggregate (stream `target-<period>[-<measure>]-<rep|region>-<id>`, see `targetStream`) as a decider. */
export const targetDecider: Decider<WithAccess<WithPeriods<TargetCommand>>, TargetEvent, TargetState> = {
  initialState,
  decide,
  evolve,
};
