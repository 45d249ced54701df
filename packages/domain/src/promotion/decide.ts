import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { promotionAccess } from './access.js';
import type {
  ApprovePromotionCommand,
  DraftPromotionCommand,
  EndPromotionCommand,
  PromotionCommand,
} from './commands.js';
import { refuse } from './errors.js';
import type { PromotionEvent } from './events.js';
import { evolve, initialState, type Promotion, type PromotionState } from './state.js';

type Decision = Either<DomainError, readonly PromotionEvent[]>;

const exists = (state: PromotionState, id: string): Either<DomainError, Promotion> =>
  state.status === 'none'
    ? refuse('PROMOTION_NOT_FOUND', `promotion ${id} does not exist`, { promotionId: id })
    : right(state);

/** Drafts a promotion once; the same draft again is a no-op, another under its id is refused. */
function draftPromotion(command: DraftPromotionCommand, state: PromotionState): Decision {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    const same =
      state.name === data.name &&
      state.startsOn === data.startsOn &&
      JSON.stringify([state.coverage, state.benefit]) === JSON.stringify([data.coverage, data.benefit]);
    return same
      ? right([])
      : refuse('PROMOTION_ALREADY_DRAFTED', `promotion ${data.promotionId} already exists with other terms`, {
          promotionId: data.promotionId,
        });
  }
  const { actor, occurredAt } = metadata;
  return right([
    {
      type: 'PromotionDrafted',
      data: {
        ...data,
        budget: data.budget ?? null,
        draftedBy: actor.id,
        drafterRole: actor.role,
        draftedAt: occurredAt,
      },
    },
  ]);
}

/** A sales manager approves a draft; approving it again is a no-op, a withdrawn one cannot be. */
function approvePromotion(command: ApprovePromotionCommand, state: PromotionState): Decision {
  const promotion = exists(state, command.data.promotionId);
  if (promotion._tag === 'Left') return promotion;
  if (promotion.right.status === 'approved') return right([]);
  if (promotion.right.status !== 'draft')
    return refuse('PROMOTION_NOT_DRAFT', `promotion ${promotion.right.promotionId} was withdrawn`, {
      status: promotion.right.status,
    });
  return right([
    {
      type: 'PromotionApproved',
      data: {
        promotionId: promotion.right.promotionId,
        approvedBy: command.metadata.actor.id,
        approvedAt: command.metadata.occurredAt,
      },
    },
  ]);
}

/** Ends a promotion early (a draft: withdraws it): the new last day is within its period, never later than it ends. */
function endPromotion(command: EndPromotionCommand, state: PromotionState): Decision {
  const promotion = exists(state, command.data.promotionId);
  if (promotion._tag === 'Left') return promotion;
  const { promotionId, startsOn, endsOn: previousEndsOn, status } = promotion.right;
  const { endsOn, reason } = command.data;
  if (endsOn === previousEndsOn && promotion.right.endedEarly) return right([]);
  if (endsOn < startsOn || endsOn > previousEndsOn) {
    return refuse(
      'PROMOTION_END_OUT_OF_RANGE',
      `promotion ${promotionId} runs ${startsOn} to ${previousEndsOn}; it can only end within that`,
      { startsOn, endsOn: previousEndsOn },
    );
  }
  const { actor, occurredAt } = command.metadata;
  return right([
    {
      type: 'PromotionEnded',
      data: {
        promotionId,
        endsOn,
        previousEndsOn,
        wasApproved: status === 'approved',
        reason,
        endedBy: actor.id,
        endedAt: occurredAt,
      },
    },
  ]);
}

/** Decides a Promotion command against the promotion's state, after the access rules. */
function decide(command: WithAccess<PromotionCommand>, state: PromotionState): Decision {
  const access = promotionAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'DraftPromotion':
      return draftPromotion(command, state);
    case 'ApprovePromotion':
      return approvePromotion(command, state);
    case 'EndPromotion':
      return endPromotion(command, state);
    default:
      return assertNever(command);
  }
}

/** The Promotion aggregate (stream `promotion-<id>`, see `promotionStream`) as a decider. */
export const promotionDecider: Decider<WithAccess<PromotionCommand>, PromotionEvent, PromotionState> = {
  initialState,
  decide,
  evolve,
};
