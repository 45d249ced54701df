import { right, type Either } from 'fp-ts/lib/Either.js';
import { marketResearchAccess } from '../market/access.js';
import type { WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { dateWindow } from '../shared/time.js';
import type { CompetitorCommand, RecordCompetitorPriceCommand } from './commands.js';
import { refuse } from './errors.js';
import type { CompetitorEvent, CompetitorPriceObserved } from './events.js';
import { evolve, initialState, type CompetitorState } from './state.js';

type Decision = Either<DomainError, readonly CompetitorEvent[]>;

/** What an observation says, without who recorded it and when: a retry repeats it exactly. */
const sameFacts = (a: CompetitorPriceObserved, b: CompetitorPriceObserved): boolean =>
  (['competitor', 'sku', 'category', 'currency', 'price', 'unit', 'observedOn', 'source', 'note'] as const).every(
    (field) => a[field] === b[field],
  );

/** Records an observation once; the same one again is a no-op, another one under its id is refused. */
function recordCompetitorPrice(command: RecordCompetitorPriceCommand, state: CompetitorState): Decision {
  const { data, metadata } = command;
  if (dateWindow(data.observedOn, data.observedOn, metadata.occurredAt) === 'future')
    return refuse('COMPETITOR_OBSERVED_IN_FUTURE', `a price cannot be observed on ${data.observedOn}, a later day`, {
      observedOn: data.observedOn,
    });
  const observed: CompetitorPriceObserved = {
    ...data,
    sku: data.sku ?? null,
    category: data.category ?? null,
    note: data.note ?? null,
    recordedBy: metadata.actor.id,
    recordedAt: metadata.occurredAt,
  };
  if (state.status === 'none') return right([{ type: 'CompetitorPriceObserved', data: observed }]);
  return sameFacts(state.observation, observed)
    ? right([])
    : refuse(
        'COMPETITOR_OBSERVATION_TAKEN',
        `observation ${data.observationId} is already recorded with other facts; record a new one under another id`,
        { observationId: data.observationId },
      );
}

const refusal = (role: Role) =>
  refuse('COMPETITOR_NOT_AUTHORIZED', `a ${role} may not record competitor prices`, { role });

/** Decides a Competitor command against the observation's stream, after the access rules. */
function decide(command: WithAccess<CompetitorCommand>, state: CompetitorState): Decision {
  const access = marketResearchAccess(command, refusal);
  if (access._tag === 'Left') return access;
  return recordCompetitorPrice(command, state);
}

/** The Competitor aggregate (stream `competitor-<observationId>`, see `competitorStream`) as a decider. */
export const competitorDecider: Decider<WithAccess<CompetitorCommand>, CompetitorEvent, CompetitorState> = {
  initialState,
  decide,
  evolve,
};
