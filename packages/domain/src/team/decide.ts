import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { RegionId } from '../shared/ids.js';
import type { CommandMetadata } from '../shared/message.js';
import { addDays, utcDate, type IsoDate } from '../shared/time.js';
import type { JoinTeamCommand, LeaveTeamCommand, TeamCommand, TransferTeamMemberCommand } from './commands.js';
import type { TeamEvent } from './events.js';
import { currentSpell, evolve, initialState, lastChangeOn, standingOn, type Spell, type TeamState } from './state.js';

/** Stable codes of the Team decider's refusals. */
export type TeamErrorCode =
  | 'TEAM_NOT_AUTHORIZED'
  | 'TEAM_BOOTSTRAP_REQUIRED'
  | 'TEAM_MEMBER_ALREADY_ACTIVE'
  | 'TEAM_MEMBER_NOT_ACTIVE'
  | 'TEAM_TRANSFER_NOT_APPLICABLE'
  | 'TEAM_DATE_OUT_OF_ORDER'
  | 'TEAM_DATE_IN_FUTURE';

/** A refusal of the Team decider. */
export type TeamError = DomainError<TeamErrorCode>;

const refuse = (
  code: TeamErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<TeamError, never> => left(domainError(code, message, details));

/** A change may be dated up to one day after the command's UTC date (the business zone may be a day ahead). */
export const TEAM_DATE_TOLERANCE_DAYS = 1;

type Subject = Pick<Spell, 'role'> & { readonly region?: RegionId | undefined };

/**
 * Who may change the register: the system; a sales manager on the register; a regional manager on the
 * register for reps of their own region. An empty register takes only its first sales manager, entered by
 * the system or by that sales manager's own token (the bootstrap).
 */
function authorize(
  metadata: CommandMetadata,
  state: TeamState,
  memberId: string,
  subject: Subject,
): Either<TeamError, true> {
  const { actor, occurredAt } = metadata;
  if (Object.keys(state.members).length === 0) {
    const bootstrap =
      subject.role === 'sales_manager' &&
      (actor.role === 'system' || (actor.role === 'sales_manager' && actor.id === memberId));
    return bootstrap
      ? right(true)
      : refuse(
          'TEAM_BOOTSTRAP_REQUIRED',
          'the register is empty: its first entry is a sales manager, entered by the system or by that sales manager',
        );
  }
  if (actor.role === 'system') return right(true);
  const standing = standingOn(state, actor.id, utcDate(occurredAt));
  const registered =
    standing !== null &&
    standing.active &&
    standing.role === actor.role &&
    (actor.role !== 'regional_manager' || standing.region === actor.region);
  const allowed =
    registered &&
    (actor.role === 'sales_manager' ||
      (actor.role === 'regional_manager' && subject.role === 'sales_rep' && subject.region === actor.region));
  return allowed
    ? right(true)
    : refuse('TEAM_NOT_AUTHORIZED', `a ${actor.role} may not make this change to the sales team register`);
}

/** A change is dated no later than the command's date (plus the tolerance) and no earlier than the member's last change. */
function checkDate(state: TeamState, memberId: string, on: IsoDate, occurredAt: string): Either<TeamError, true> {
  const latest = addDays(utcDate(occurredAt), TEAM_DATE_TOLERANCE_DAYS);
  if (on > latest) return refuse('TEAM_DATE_IN_FUTURE', `${on} is after ${latest}`, { on, latest });
  const last = lastChangeOn(state, memberId);
  return last !== undefined && on < last
    ? refuse('TEAM_DATE_OUT_OF_ORDER', `the last change of ${memberId} is dated ${last}`, { on, last })
    : right(true);
}

function joinTeam({ data, metadata }: JoinTeamCommand, state: TeamState): Either<TeamError, readonly TeamEvent[]> {
  const allowed = authorize(metadata, state, data.memberId, data);
  if (allowed._tag === 'Left') return allowed;
  if (currentSpell(state, data.memberId) !== undefined)
    return refuse('TEAM_MEMBER_ALREADY_ACTIVE', `${data.memberId} is already on the team`, { memberId: data.memberId });
  const dated = checkDate(state, data.memberId, data.joinedOn, metadata.occurredAt);
  if (dated._tag === 'Left') return dated;
  return right([
    { type: 'TeamMemberJoined', data: { ...data, recordedBy: metadata.actor.id, recordedAt: metadata.occurredAt } },
  ]);
}

function transferTeamMember(
  { data, metadata }: TransferTeamMemberCommand,
  state: TeamState,
): Either<TeamError, readonly TeamEvent[]> {
  const spell = currentSpell(state, data.memberId);
  // Authority is judged on the member's present region, so a regional manager moves reps out of their own region only.
  const allowed = authorize(metadata, state, data.memberId, spell ?? { role: 'sales_rep', region: data.toRegion });
  if (allowed._tag === 'Left') return allowed;
  if (spell === undefined)
    return refuse('TEAM_MEMBER_NOT_ACTIVE', `${data.memberId} is not on the team`, { memberId: data.memberId });
  if (spell.region === undefined || spell.region === data.toRegion) {
    return refuse('TEAM_TRANSFER_NOT_APPLICABLE', 'only a regional manager or rep moves, and only to another region', {
      memberId: data.memberId,
    });
  }
  const dated = checkDate(state, data.memberId, data.transferredOn, metadata.occurredAt);
  if (dated._tag === 'Left') return dated;
  const { memberId, toRegion, managerId, transferredOn } = data;
  const event = {
    memberId,
    fromRegion: spell.region,
    toRegion,
    ...(managerId === undefined ? {} : { managerId }),
    transferredOn,
    recordedBy: metadata.actor.id,
    recordedAt: metadata.occurredAt,
  };
  return right([{ type: 'TeamMemberTransferred', data: event }]);
}

function leaveTeam({ data, metadata }: LeaveTeamCommand, state: TeamState): Either<TeamError, readonly TeamEvent[]> {
  const spell = currentSpell(state, data.memberId);
  const allowed = authorize(metadata, state, data.memberId, spell ?? { role: 'sales_rep' });
  if (allowed._tag === 'Left') return allowed;
  if (spell === undefined)
    return refuse('TEAM_MEMBER_NOT_ACTIVE', `${data.memberId} is not on the team`, { memberId: data.memberId });
  const dated = checkDate(state, data.memberId, data.leftOn, metadata.occurredAt);
  if (dated._tag === 'Left') return dated;
  return right([
    { type: 'TeamMemberLeft', data: { ...data, recordedBy: metadata.actor.id, recordedAt: metadata.occurredAt } },
  ]);
}

/** Decides a command on the sales team register. */
function decide(command: TeamCommand, state: TeamState): Either<DomainError, readonly TeamEvent[]> {
  switch (command.type) {
    case 'JoinTeam':
      return joinTeam(command, state);
    case 'TransferTeamMember':
      return transferTeamMember(command, state);
    case 'LeaveTeam':
      return leaveTeam(command, state);
    default:
      return assertNever(command);
  }
}

/** The sales team register (stream `team-register`, see `teamStream`) as a decider. */
export const teamDecider: Decider<TeamCommand, TeamEvent, TeamState> = { initialState, decide, evolve };
