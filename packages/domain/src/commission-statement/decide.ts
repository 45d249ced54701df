import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { checkActor, type WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import { addDays, BUSINESS_DATE_TOLERANCE_DAYS, utcDate } from '../shared/time.js';
import { nextMonthStart } from '../period/decide.js';
import type {
  ApproveCommissionStatementCommand,
  CommissionStatementCommand,
  ConfirmCommissionStatementCommand,
} from './commands.js';
import type { CommissionStatementEvent } from './events.js';
import { evolve, initialState, type CommissionStatementState } from './state.js';

/** Stable codes of the CommissionStatement decider's refusals. */
export type CommissionStatementErrorCode =
  | 'COMMISSION_STATEMENT_NOT_AUTHORIZED'
  | 'COMMISSION_STATEMENT_TOO_EARLY'
  | 'COMMISSION_STATEMENT_ALREADY_APPROVED'
  | 'COMMISSION_STATEMENT_NOT_APPROVED'
  | 'COMMISSION_STATEMENT_ALREADY_CONFIRMED'
  | 'COMMISSION_STATEMENT_SAME_PERSON';

/** A refusal of the CommissionStatement decider. */
export type CommissionStatementError = DomainError<CommissionStatementErrorCode>;

type Decision = Either<DomainError, readonly CommissionStatementEvent[]>;

const refuse = (
  code: CommissionStatementErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<CommissionStatementError, never> => left(domainError(code, message, details));

/** Who takes each step: the sales manager approves, finance confirms. */
const STEP_ROLE = { ApproveCommissionStatement: 'sales_manager', ConfirmCommissionStatement: 'finance' } as const;

/** The sales manager approves a month from its last day on (a day's tolerance for the zone), once: the figures freeze. */
function approve(
  { data, metadata, inputs }: ApproveCommissionStatementCommand,
  state: CommissionStatementState,
): Decision {
  const lastDay = addDays(nextMonthStart(data.month), -1);
  if (lastDay > addDays(utcDate(metadata.occurredAt), BUSINESS_DATE_TOLERANCE_DAYS))
    return refuse('COMMISSION_STATEMENT_TOO_EARLY', `the statement of ${data.month} is approved from ${lastDay} on`, {
      month: data.month,
      from: lastDay,
    });
  if (state.status !== 'open')
    return refuse(
      'COMMISSION_STATEMENT_ALREADY_APPROVED',
      `the statement of ${data.month} was approved by ${state.approvedBy}`,
      { month: data.month, approvedBy: state.approvedBy },
    );
  return right([
    {
      type: 'CommissionStatementApproved',
      data: {
        month: data.month,
        figures: inputs.figures,
        approvedBy: metadata.actor.id,
        approvedAt: metadata.occurredAt,
      },
    },
  ]);
}

/** Finance confirms an approved statement, once, and never the approver themself. */
function confirm({ data, metadata }: ConfirmCommissionStatementCommand, state: CommissionStatementState): Decision {
  if (state.status === 'open')
    return refuse(
      'COMMISSION_STATEMENT_NOT_APPROVED',
      `the statement of ${data.month} awaits the sales manager's approval`,
      { month: data.month },
    );
  if (state.status === 'confirmed')
    return refuse(
      'COMMISSION_STATEMENT_ALREADY_CONFIRMED',
      `the statement of ${data.month} was confirmed by ${state.confirmedBy ?? ''}`,
      { month: data.month, confirmedBy: state.confirmedBy },
    );
  if (state.approvedBy === metadata.actor.id)
    return refuse(
      'COMMISSION_STATEMENT_SAME_PERSON',
      'the statement is confirmed by another person than its approver',
      { approvedBy: state.approvedBy },
    );
  return right([
    {
      type: 'CommissionStatementConfirmed',
      data: { month: data.month, confirmedBy: metadata.actor.id, confirmedAt: metadata.occurredAt },
    },
  ]);
}

/** Decides a CommissionStatement command: the register backs the token and the role takes that step, before any state. */
function decide(command: WithAccess<CommissionStatementCommand>, state: CommissionStatementState): Decision {
  const registered = checkActor(command.metadata.actor, command.access);
  if (isLeft(registered)) return registered;
  const { role } = command.metadata.actor;
  if (role !== STEP_ROLE[command.type])
    return refuse(
      'COMMISSION_STATEMENT_NOT_AUTHORIZED',
      'the sales manager approves a commission statement, then finance confirms it',
      { role },
    );
  switch (command.type) {
    case 'ApproveCommissionStatement':
      return approve(command, state);
    case 'ConfirmCommissionStatement':
      return confirm(command, state);
    default:
      return assertNever(command);
  }
}

/** A month's commission statement (stream `statement-<YYYY-MM>`, see `commissionStatementStream`) as a decider. */
export const commissionStatementDecider: Decider<
  WithAccess<CommissionStatementCommand>,
  CommissionStatementEvent,
  CommissionStatementState
> = { initialState, decide, evolve };
