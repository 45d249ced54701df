import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { RegionId } from '../shared/ids.js';
import { addDays, BUSINESS_DATE_TOLERANCE_DAYS, utcDate } from '../shared/time.js';
import { nextMonthStart } from '../period/decide.js';
import { evaluationAccess, newEvaluationAccess } from './access.js';
import {
  quarterMonths,
  type AcknowledgeEvaluationCommand,
  type AssessEvaluationCommand,
  type EvaluationCommand,
  type FinaliseEvaluationCommand,
  type OpenEvaluationCommand,
} from './commands.js';
import type { EvaluationEvent } from './events.js';
import { evolve, initialState, type Evaluation, type EvaluationState } from './state.js';

/** Stable codes of the Evaluation decider's refusals. */
export type EvaluationErrorCode =
  | 'EVALUATION_NOT_AUTHORIZED'
  | 'EVALUATION_TOO_EARLY'
  | 'EVALUATION_ALREADY_OPENED'
  | 'EVALUATION_NOT_OPENED'
  | 'EVALUATION_FINALISED'
  | 'EVALUATION_NOT_ASSESSED'
  | 'EVALUATION_REWARD_NEEDS_RATING'
  | 'EVALUATION_WARNING_NEEDS_RATING'
  | 'EVALUATION_ACTIONS_REQUIRED'
  | 'EVALUATION_ACTION_DUE_PASSED'
  | 'EVALUATION_NOT_FINALISED'
  | 'EVALUATION_ALREADY_ACKNOWLEDGED';

/** A refusal of the Evaluation decider. */
export type EvaluationError = DomainError<EvaluationErrorCode>;

type Decision = Either<EvaluationError, readonly EvaluationEvent[]>;

const refuse = (
  code: EvaluationErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<EvaluationError, never> => left(domainError(code, message, details));

/** Ratings at or above this earn rewards (bonus, recognition); at or below {@link LOW_RATING}, a warning and improvement actions. */
export const REWARD_RATING = 4;
/** Ratings at or below this need improvement actions and are the only ones a warning goes with. */
export const LOW_RATING = 2;

const MANAGERS: ReadonlySet<string> = new Set(['sales_manager', 'regional_manager']);

/** Only managers open, assess and finalise: a regional manager their region's reps (the scope rule), a sales manager anyone. */
const manager = (command: EvaluationCommand): Either<EvaluationError, true> =>
  MANAGERS.has(command.metadata.actor.role)
    ? right(true)
    : refuse('EVALUATION_NOT_AUTHORIZED', "only the rep's sales manager or regional manager evaluates a rep", {
        role: command.metadata.actor.role,
      });

/** The evaluation still changes: opened and not finalised. */
function open(command: EvaluationCommand, state: EvaluationState): Either<EvaluationError, Evaluation> {
  if (state.status === 'none')
    return refuse(
      'EVALUATION_NOT_OPENED',
      `no evaluation of ${command.data.repId} for ${command.data.quarter} was opened`,
      { quarter: command.data.quarter },
    );
  return state.status === 'open'
    ? right(state)
    : refuse('EVALUATION_FINALISED', `the evaluation of ${command.data.quarter} was finalised`, {
        quarter: command.data.quarter,
      });
}

/** From the quarter's last day on (a day's tolerance for the business zone), once per rep and quarter. */
function openEvaluation({ data, metadata, inputs }: OpenEvaluationCommand, region: RegionId): Decision {
  const lastDay = addDays(nextMonthStart(quarterMonths(data.quarter)[2]), -1);
  if (lastDay > addDays(utcDate(metadata.occurredAt), BUSINESS_DATE_TOLERANCE_DAYS))
    return refuse('EVALUATION_TOO_EARLY', `the evaluation of ${data.quarter} opens from ${lastDay} on`, {
      quarter: data.quarter,
      from: lastDay,
    });
  return right([
    {
      type: 'EvaluationOpened',
      data: { ...data, region, snapshot: inputs.snapshot, openedBy: metadata.actor.id, openedAt: metadata.occurredAt },
    },
  ]);
}

/** Rewards go with a good rating, a warning with a poor one, and a poor rating needs actions due from today on. */
function consistent({ data, metadata }: AssessEvaluationCommand): Either<EvaluationError, true> {
  const kinds = new Set(data.outcomes.map((outcome) => outcome.kind));
  const reward = kinds.has('bonus') || kinds.has('recognition');
  if (reward && data.rating < REWARD_RATING)
    return refuse(
      'EVALUATION_REWARD_NEEDS_RATING',
      `a bonus or recognition needs a rating of ${REWARD_RATING} or more`,
      { rating: data.rating, needs: REWARD_RATING },
    );
  if (kinds.has('warning') && data.rating > LOW_RATING)
    return refuse('EVALUATION_WARNING_NEEDS_RATING', `a warning goes with a rating of ${LOW_RATING} or less`, {
      rating: data.rating,
      needs: LOW_RATING,
    });
  if (data.rating <= LOW_RATING && data.actions.length === 0)
    return refuse('EVALUATION_ACTIONS_REQUIRED', `a rating of ${data.rating} needs at least one improvement action`, {
      rating: data.rating,
    });
  const earliest = addDays(utcDate(metadata.occurredAt), -BUSINESS_DATE_TOLERANCE_DAYS);
  const passed = data.actions.find((action) => action.dueOn < earliest);
  return passed === undefined
    ? right(true)
    : refuse('EVALUATION_ACTION_DUE_PASSED', `the action due on ${passed.dueOn} is already past due`, {
        dueOn: passed.dueOn,
      });
}

function assess(command: AssessEvaluationCommand, state: EvaluationState): Decision {
  const evaluation = open(command, state);
  if (evaluation._tag === 'Left') return evaluation;
  const checked = consistent(command);
  if (checked._tag === 'Left') return checked;
  const { comments, ...data } = command.data;
  return right([
    {
      type: 'EvaluationAssessed',
      data: {
        ...data,
        comments: comments ?? null,
        assessedBy: command.metadata.actor.id,
        assessedAt: command.metadata.occurredAt,
      },
    },
  ]);
}

function finalise(command: FinaliseEvaluationCommand, state: EvaluationState): Decision {
  const evaluation = open(command, state);
  if (evaluation._tag === 'Left') return evaluation;
  const { assessment } = evaluation.right;
  if (assessment === null)
    return refuse('EVALUATION_NOT_ASSESSED', `the evaluation of ${command.data.quarter} has no assessment yet`, {
      quarter: command.data.quarter,
    });
  return right([
    {
      type: 'EvaluationFinalised',
      data: {
        ...command.data,
        rating: assessment.rating,
        finalisedBy: command.metadata.actor.id,
        finalisedAt: command.metadata.occurredAt,
      },
    },
  ]);
}

/** Only the rep acknowledges (the scope rule lets no other rep this far), once, after finalising. */
function acknowledge({ data, metadata }: AcknowledgeEvaluationCommand, state: EvaluationState): Decision {
  if (metadata.actor.role !== 'sales_rep' || state.status === 'none')
    return refuse('EVALUATION_NOT_AUTHORIZED', 'only the evaluated rep acknowledges their evaluation', {
      role: metadata.actor.role,
    });
  if (state.status === 'open')
    return refuse('EVALUATION_NOT_FINALISED', `the evaluation of ${data.quarter} is not finalised yet`, {
      quarter: data.quarter,
    });
  if (state.status === 'acknowledged')
    return refuse('EVALUATION_ALREADY_ACKNOWLEDGED', `the evaluation of ${data.quarter} was already acknowledged`, {
      quarter: data.quarter,
    });
  return right([
    {
      type: 'EvaluationAcknowledged',
      data: {
        repId: data.repId,
        quarter: data.quarter,
        comment: data.comment ?? null,
        acknowledgedAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Opens a new evaluation: the named rep's access rules, then the manager rule. */
function openNew(command: WithAccess<OpenEvaluationCommand>): Either<DomainError, readonly EvaluationEvent[]> {
  const region = newEvaluationAccess(command);
  if (region._tag === 'Left') return region;
  const allowed = manager(command);
  return allowed._tag === 'Left' ? allowed : openEvaluation(command, region.right);
}

/** Decides an Evaluation command: the register backs the token and the rep is in the actor's scope, before any state. */
function decide(
  command: WithAccess<EvaluationCommand>,
  state: EvaluationState,
): Either<DomainError, readonly EvaluationEvent[]> {
  if (command.type === 'OpenEvaluation' && state.status === 'none') return openNew(command);
  const access = evaluationAccess(command, state);
  if (access._tag === 'Left') return access;
  if (command.type === 'AcknowledgeEvaluation') return acknowledge(command, state);
  const allowed = manager(command);
  if (allowed._tag === 'Left') return allowed;
  switch (command.type) {
    case 'OpenEvaluation':
      return refuse(
        'EVALUATION_ALREADY_OPENED',
        `the evaluation of ${command.data.repId} for ${command.data.quarter} was already opened`,
        { quarter: command.data.quarter },
      );
    case 'AssessEvaluation':
      return assess(command, state);
    case 'FinaliseEvaluation':
      return finalise(command, state);
    default:
      return assertNever(command);
  }
}

/** A rep's evaluation of a quarter (stream `evaluation-<rep>-<YYYY-Qn>`, see `evaluationStream`) as a decider. */
export const evaluationDecider: Decider<WithAccess<EvaluationCommand>, EvaluationEvent, EvaluationState> = {
  initialState,
  decide,
  evolve,
};
