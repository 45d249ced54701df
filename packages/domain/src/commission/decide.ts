import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { IsoDateTime, YearMonth } from '../shared/time.js';
import { commissionPlanAccess } from './access.js';
import type {
  CommissionCoverage,
  CommissionPlanCommand,
  CommissionTerms,
  EndCommissionPlanCommand,
  SetCommissionPlanCommand,
} from './commands.js';
import { refuse } from './errors.js';
import type { CommissionPlanEvent } from './events.js';
import { evolve, initialState, versionInForce, type CommissionPlan, type CommissionPlansState } from './state.js';

type Decision = Either<DomainError, readonly CommissionPlanEvent[]>;

/** The month of an instant (UTC): a plan may change from it on, never before (the business zone is at most a day ahead). */
const currentMonth = (at: IsoDateTime): YearMonth => at.slice(0, 7);

const sameTerms = (a: CommissionTerms, b: CommissionTerms): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The month checks shared by a new version and an end: not in the past, not before the plan's latest version. */
function checkMonth(
  plan: CommissionPlan | undefined,
  month: YearMonth,
  occurredAt: IsoDateTime,
  strictlyAfterLatest: boolean,
): Either<DomainError, true> {
  if (month < currentMonth(occurredAt))
    return refuse(
      'COMMISSION_PLAN_MONTH_PAST',
      `${month} has begun or passed: a plan changes from the current month on`,
      { month },
    );
  const latest = plan?.versions.at(-1)?.effectiveFrom;
  const tooEarly = latest !== undefined && (strictlyAfterLatest ? month <= latest : month < latest);
  return tooEarly
    ? refuse('COMMISSION_PLAN_VERSION_LATER', `the plan already has a version from ${latest}`, { month, latest })
    : right(true);
}

const shares = (a: CommissionCoverage, b: CommissionCoverage): boolean =>
  a.kind === b.kind && a.ids.some((id: string) => (b.ids as readonly string[]).includes(id));

/** Another plan that covers one of the same reps (or regions) in some month from `from` on. */
function overlapping(
  state: CommissionPlansState,
  planId: string,
  covers: CommissionCoverage,
  from: YearMonth,
): CommissionPlan | undefined {
  return Object.values(state.plans).find((other) => {
    if (other.planId === planId) return false;
    const relevant = [versionInForce(other, from), ...other.versions.filter((v) => v.effectiveFrom > from)];
    return relevant.some((version) => version !== null && shares(version.terms.covers, covers));
  });
}

/** A new version from a month on: a later month than the latest version's, or the same month (not begun) to replace it. */
function setCommissionPlan({ data, metadata }: SetCommissionPlanCommand, state: CommissionPlansState): Decision {
  const { planId, effectiveFrom, ...terms } = data;
  const plan = state.plans[planId];
  if (plan?.endsFrom != null)
    return refuse('COMMISSION_PLAN_ENDED', `plan ${planId} ended from ${plan.endsFrom}`, {
      planId,
      endsFrom: plan.endsFrom,
    });
  const month = checkMonth(plan, effectiveFrom, metadata.occurredAt, false);
  if (month._tag === 'Left') return month;
  const latest = plan?.versions.at(-1);
  const replaces = latest?.effectiveFrom === effectiveFrom ? latest : undefined;
  if (replaces !== undefined && sameTerms(replaces.terms, terms)) return right([]);
  const other = overlapping(state, planId, terms.covers, effectiveFrom);
  if (other !== undefined)
    return refuse(
      'COMMISSION_PLAN_OVERLAP',
      `plan ${other.planId} already covers some of these ${terms.covers.kind} from ${effectiveFrom} on`,
      { planId, otherPlanId: other.planId },
    );
  const version = (plan?.lastVersion ?? 0) + 1;
  return right([
    {
      type: 'CommissionPlanVersionSet',
      data: {
        planId,
        version,
        effectiveFrom,
        ...terms,
        replaces: replaces?.version ?? null,
        setBy: metadata.actor.id,
        setAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Ends a plan from a month after its latest version's; the same end again is a no-op. */
function endCommissionPlan({ data, metadata }: EndCommissionPlanCommand, state: CommissionPlansState): Decision {
  const plan = state.plans[data.planId];
  if (plan === undefined)
    return refuse('COMMISSION_PLAN_NOT_FOUND', `there is no commission plan ${data.planId}`, { planId: data.planId });
  if (plan.endsFrom !== null)
    return plan.endsFrom === data.from
      ? right([])
      : refuse('COMMISSION_PLAN_ENDED', `plan ${data.planId} ended from ${plan.endsFrom}`, {
          planId: data.planId,
          endsFrom: plan.endsFrom,
        });
  const month = checkMonth(plan, data.from, metadata.occurredAt, true);
  if (month._tag === 'Left') return month;
  return right([
    {
      type: 'CommissionPlanEnded',
      data: { planId: data.planId, from: data.from, endedBy: metadata.actor.id, endedAt: metadata.occurredAt },
    },
  ]);
}

/** Decides a CommissionPlan command against every plan, after the access rules. */
function decide(command: WithAccess<CommissionPlanCommand>, state: CommissionPlansState): Decision {
  const access = commissionPlanAccess(command);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'SetCommissionPlan':
      return setCommissionPlan(command, state);
    case 'EndCommissionPlan':
      return endCommissionPlan(command, state);
    default:
      return assertNever(command);
  }
}

/** The CommissionPlan aggregate (stream `commission-plans`, every plan in one stream so overlaps can be refused) as a decider. */
export const commissionPlanDecider: Decider<
  WithAccess<CommissionPlanCommand>,
  CommissionPlanEvent,
  CommissionPlansState
> = { initialState, decide, evolve };
