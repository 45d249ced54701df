import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import { competitionAccess } from './access.js';
import type { CancelCompetitionCommand, CompetitionCommand, CreateCompetitionCommand } from './commands.js';
import type { CompetitionEvent } from './events.js';
import { evolve, initialState, type CompetitionState } from './state.js';
import { periodDays } from './vocabulary.js';

/** Stable codes of the competition decider's refusals. */
export type CompetitionErrorCode =
  'COMPETITION_ALREADY_EXISTS' | 'COMPETITION_PERIOD_OVER' | 'COMPETITION_NOT_FOUND' | 'COMPETITION_ALREADY_STARTED';

/** A refusal of the competition decider. */
export type CompetitionError = DomainError<CompetitionErrorCode>;

type Decision = Either<DomainError, readonly CompetitionEvent[]>;

const refuse = (
  code: CompetitionErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<CompetitionError, never> => left(domainError(code, message, details));

/** Announces a competition whose period is not over; the same announcement again is a no-op, another under its id a conflict. */
function createCompetition({ data, metadata, inputs }: CreateCompetitionCommand, state: CompetitionState): Decision {
  if (state.status !== 'none') {
    const { terms } = state;
    const same =
      terms.name === data.name &&
      terms.period === data.period &&
      terms.metric === data.metric &&
      terms.scope === data.scope &&
      terms.prize === data.prize;
    return same
      ? right([])
      : refuse('COMPETITION_ALREADY_EXISTS', `competition ${data.competitionId} already exists`, {
          competitionId: data.competitionId,
        });
  }
  const { startsOn, endsOn } = periodDays(data.period);
  if (endsOn < inputs.today)
    return refuse(
      'COMPETITION_PERIOD_OVER',
      `${data.period} ended on ${endsOn}: a competition is announced for a period not yet over`,
      { period: data.period, endsOn },
    );
  return right([
    {
      type: 'CompetitionCreated',
      data: { ...data, startsOn, endsOn, createdBy: metadata.actor.id, createdAt: metadata.occurredAt },
    },
  ]);
}

/** Cancels a competition before its first day; cancelling again is a no-op. */
function cancelCompetition({ data, metadata, inputs }: CancelCompetitionCommand, state: CompetitionState): Decision {
  if (state.status === 'none')
    return refuse('COMPETITION_NOT_FOUND', `competition ${data.competitionId} does not exist`, {
      competitionId: data.competitionId,
    });
  if (state.status === 'cancelled') return right([]);
  const { startsOn } = state.terms;
  if (startsOn <= inputs.today)
    return refuse(
      'COMPETITION_ALREADY_STARTED',
      `competition ${data.competitionId} started on ${startsOn}: it can no longer be cancelled`,
      { startsOn },
    );
  return right([
    {
      type: 'CompetitionCancelled',
      data: {
        competitionId: data.competitionId,
        reason: data.reason,
        cancelledBy: metadata.actor.id,
        cancelledAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Decides a competition command: access rules first, then the state. */
function decide(command: WithAccess<CompetitionCommand>, state: CompetitionState): Decision {
  const allowed = competitionAccess(command);
  if (isLeft(allowed)) return allowed;
  switch (command.type) {
    case 'CreateCompetition':
      return createCompetition(command, state);
    case 'CancelCompetition':
      return cancelCompetition(command, state);
    default:
      return assertNever(command);
  }
}

/** A sales competition (stream `competition-<id>`, see `competitionStream`) as a decider. */
export const competitionDecider: Decider<WithAccess<CompetitionCommand>, CompetitionEvent, CompetitionState> = {
  initialState,
  decide,
  evolve,
};
