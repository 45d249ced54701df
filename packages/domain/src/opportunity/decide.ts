import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { IsoDateTime } from '../shared/time.js';
import { opportunityAccess } from './access.js';
import type {
  LoseOpportunityCommand,
  MoveOpportunityStageCommand,
  OpenOpportunityCommand,
  OpportunityCommand,
  ReviseOpportunityCommand,
} from './commands.js';
import { refuse } from './errors.js';
import type { OpportunityEvent } from './events.js';
import { acceptQuotation, sendQuotation } from './quotations.js';
import { evolve, initialState, STAGE_PROBABILITY_BP, type Opportunity, type OpportunityState } from './state.js';

type Decision = Either<DomainError, readonly OpportunityEvent[]>;

/** An opportunity expected to close in a month that is over is not a forecast. */
const closeMonthPast = (month: string, at: IsoDateTime): Decision | null =>
  month < at.slice(0, 7)
    ? refuse('OPPORTUNITY_CLOSE_MONTH_PAST', `${month} is over: an open opportunity closes this month or later`, {
        month,
      })
    : null;

/** The opportunity, open: not found or closed (won or lost) refuses. */
function openOne(state: OpportunityState, id: string): Either<DomainError, Opportunity> {
  if (state.status === 'none')
    return refuse('OPPORTUNITY_NOT_FOUND', `opportunity ${id} does not exist`, { opportunityId: id });
  return state.status === 'open'
    ? right(state)
    : refuse('OPPORTUNITY_CLOSED', `opportunity ${id} is ${state.status}`, { status: state.status });
}

/** Opens an opportunity for an active customer once; the same again is a no-op, another under its id refused. */
function openOpportunity(command: OpenOpportunityCommand, state: OpportunityState): Decision {
  const { data, inputs, metadata } = command;
  if (state.status !== 'none') {
    const same = state.customerId === data.customerId && state.title === data.title && state.currency === data.currency;
    return same
      ? right([])
      : refuse('OPPORTUNITY_ALREADY_OPENED', `opportunity ${data.opportunityId} already exists`, {
          opportunityId: data.opportunityId,
        });
  }
  const customer = inputs.customer;
  if (customer === null)
    return refuse('OPPORTUNITY_CUSTOMER_NOT_FOUND', `customer ${data.customerId} does not exist`, {
      customerId: data.customerId,
    });
  if (!customer.active)
    return refuse('OPPORTUNITY_CUSTOMER_INACTIVE', `customer ${data.customerId} is deactivated`, {
      customerId: data.customerId,
    });
  const past = closeMonthPast(data.expectedCloseMonth, metadata.occurredAt);
  if (past !== null) return past;
  const { probabilityBp, region, stage = 'qualified', ...rest } = data;
  const probability = {
    probabilityBp: probabilityBp ?? STAGE_PROBABILITY_BP[stage],
    overridden: probabilityBp !== undefined,
  };
  const opened = {
    ...rest,
    region: region ?? customer.homeRegion,
    segment: customer.segment,
    stage,
    ...probability,
    openedBy: metadata.actor.id,
    openedAt: metadata.occurredAt,
  };
  return right([{ type: 'OpportunityOpened', data: opened }]);
}

/** Revises amount, expected close month or probability (`null`: back to the stage's default); no change is a no-op. */
function reviseOpportunity(command: ReviseOpportunityCommand, state: OpportunityState): Decision {
  const { data, metadata } = command;
  const open = openOne(state, data.opportunityId);
  if (open._tag === 'Left') return open;
  const o = open.right;
  const past =
    data.expectedCloseMonth === undefined ? null : closeMonthPast(data.expectedCloseMonth, metadata.occurredAt);
  if (past !== null) return past;
  const probability =
    data.probabilityBp === undefined
      ? { probabilityBp: o.probabilityBp, overridden: o.overridden }
      : data.probabilityBp === null
        ? { probabilityBp: STAGE_PROBABILITY_BP[o.stage], overridden: false }
        : { probabilityBp: data.probabilityBp, overridden: true };
  const after = {
    amount: data.amount ?? o.amount,
    expectedCloseMonth: data.expectedCloseMonth ?? o.expectedCloseMonth,
    ...probability,
  };
  if (
    after.amount === o.amount &&
    after.expectedCloseMonth === o.expectedCloseMonth &&
    after.probabilityBp === o.probabilityBp &&
    after.overridden === o.overridden
  )
    return right([]);
  return right([
    {
      type: 'OpportunityRevised',
      data: { opportunityId: o.opportunityId, ...after, revisedBy: metadata.actor.id, revisedAt: metadata.occurredAt },
    },
  ]);
}

/** Moves an open opportunity to an open stage (forward or back: deals slip); the probability is the stage's unless given. */
function moveOpportunityStage(command: MoveOpportunityStageCommand, state: OpportunityState): Decision {
  const { data, metadata } = command;
  const open = openOne(state, data.opportunityId);
  if (open._tag === 'Left') return open;
  const o = open.right;
  const probabilityBp = data.probabilityBp ?? STAGE_PROBABILITY_BP[data.stage];
  const overridden = data.probabilityBp !== undefined;
  if (data.stage === o.stage && probabilityBp === o.probabilityBp && overridden === o.overridden) return right([]);
  return right([
    {
      type: 'OpportunityStageMoved',
      data: {
        opportunityId: o.opportunityId,
        from: o.stage,
        to: data.stage,
        probabilityBp,
        overridden,
        movedBy: metadata.actor.id,
        movedAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Loses an open opportunity, with the reason. */
function loseOpportunity(command: LoseOpportunityCommand, state: OpportunityState): Decision {
  const { data, metadata } = command;
  const open = openOne(state, data.opportunityId);
  if (open._tag === 'Left') return open;
  return right([
    {
      type: 'OpportunityLost',
      data: {
        opportunityId: data.opportunityId,
        from: open.right.stage,
        reason: data.reason,
        note: data.note ?? null,
        lostBy: metadata.actor.id,
        lostAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Decides an Opportunity command against the opportunity's state, after the access rules. */
function decide(command: WithAccess<OpportunityCommand>, state: OpportunityState): Decision {
  const access = opportunityAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'OpenOpportunity':
      return openOpportunity(command, state);
    case 'ReviseOpportunity':
      return reviseOpportunity(command, state);
    case 'MoveOpportunityStage':
      return moveOpportunityStage(command, state);
    case 'LoseOpportunity':
      return loseOpportunity(command, state);
    case 'SendQuotation': {
      const open = openOne(state, command.data.opportunityId);
      return open._tag === 'Left' ? open : sendQuotation(command, open.right);
    }
    case 'AcceptQuotation':
      return acceptQuotation(command, state);
    default:
      return assertNever(command);
  }
}

/** The Opportunity aggregate (stream `opportunity-<id>`, see `opportunityStream`) and its quotations, as a decider. */
export const opportunityDecider: Decider<WithAccess<OpportunityCommand>, OpportunityEvent, OpportunityState> = {
  initialState,
  decide,
  evolve,
};
