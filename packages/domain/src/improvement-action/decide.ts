import { right, type Either } from 'fp-ts/lib/Either.js';
import type { WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import { improvementActionAccess } from './access.js';
import type {
  ChangeImprovementActionStatusCommand,
  ImprovementActionCommand,
  OpenImprovementActionCommand,
} from './commands.js';
import { refuse } from './errors.js';
import type { ImprovementActionEvent } from './events.js';
import { evolve, initialState, type ActionStatus, type ImprovementActionState } from './state.js';

type Decision = Either<DomainError, readonly ImprovementActionEvent[]>;

/** The moves an action may make: it is started or dropped; once started it is done or dropped; done and dropped are final. */
const NEXT: Readonly<Record<'open' | 'in_progress', readonly ActionStatus[]>> = {
  open: ['in_progress', 'dropped'],
  in_progress: ['done', 'dropped'],
};

/** Opens an action once; the same terms again are a no-op, other terms under its id are refused. */
function openAction(command: OpenImprovementActionCommand, state: ImprovementActionState): Decision {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    const { actionId: _id, region, ...terms } = data;
    return JSON.stringify([state.region, state.terms]) === JSON.stringify([region, terms])
      ? right([])
      : refuse('ACTION_ALREADY_OPENED', `improvement action ${data.actionId} already exists with other terms`, {
          actionId: data.actionId,
        });
  }
  const { actor, occurredAt } = metadata;
  return right([
    {
      type: 'ImprovementActionOpened',
      data: { ...data, openedBy: actor.id, openerRole: actor.role, openedAt: occurredAt },
    },
  ]);
}

/** Moves an action on along {@link NEXT}, dated by the command; asking for the status it has is a no-op. */
function changeStatus(command: ChangeImprovementActionStatusCommand, state: ImprovementActionState): Decision {
  const { actionId, status, note } = command.data;
  if (state.status === 'none')
    return refuse('ACTION_NOT_FOUND', `improvement action ${actionId} does not exist`, { actionId });
  if (state.status === status) return right([]);
  if (state.status === 'done' || state.status === 'dropped' || !NEXT[state.status].includes(status)) {
    return refuse('ACTION_TRANSITION_NOT_ALLOWED', `an action ${state.status} cannot become ${status}`, {
      from: state.status,
      to: status,
    });
  }
  const { actor, occurredAt } = command.metadata;
  return right([
    {
      type: 'ImprovementActionStatusChanged',
      data: { actionId, from: state.status, to: status, note, changedBy: actor.id, changedAt: occurredAt },
    },
  ]);
}

/** Decides an ImprovementAction command against the action's state, after the access rules. */
function decide(command: WithAccess<ImprovementActionCommand>, state: ImprovementActionState): Decision {
  const access = improvementActionAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'OpenImprovementAction':
      return openAction(command, state);
    case 'ChangeImprovementActionStatus':
      return changeStatus(command, state);
    default:
      return assertNever(command);
  }
}

/** The ImprovementAction aggregate (stream `action-<id>`, see `improvementActionStream`) as a decider. */
export const improvementActionDecider: Decider<
  WithAccess<ImprovementActionCommand>,
  ImprovementActionEvent,
  ImprovementActionState
> = { initialState, decide, evolve };
