import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type WithAccess } from '../shared/access.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import { addDays, BUSINESS_DATE_TOLERANCE_DAYS, utcDate } from '../shared/time.js';
import { nextMonthStart } from '../period/decide.js';
import type {
  AcceptMonthlyReportCommand,
  MonthlyReportCommand,
  ReturnMonthlyReportCommand,
  SubmitMonthlyReportCommand,
} from './commands.js';
import type { MonthlyReportEvent } from './events.js';
import { evolve, initialState, type MonthlyReport, type MonthlyReportState } from './state.js';

/** Stable codes of the MonthlyReport decider's refusals. */
export type MonthlyReportErrorCode =
  | 'MONTHLY_REPORT_NOT_AUTHORIZED'
  | 'MONTHLY_REPORT_TOO_EARLY'
  | 'MONTHLY_REPORT_PENDING'
  | 'MONTHLY_REPORT_ALREADY_ACCEPTED'
  | 'MONTHLY_REPORT_NOT_SUBMITTED';

/** A refusal of the MonthlyReport decider. */
export type MonthlyReportError = DomainError<MonthlyReportErrorCode>;

const refuse = (
  code: MonthlyReportErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Either<MonthlyReportError, never> => left(domainError(code, message, details));

/** The regional manager submits from the month's last business day on (a day's tolerance for the zone), once the last one was returned. */
function submit(
  { data, metadata, inputs }: SubmitMonthlyReportCommand,
  state: MonthlyReportState,
): Either<MonthlyReportError, readonly MonthlyReportEvent[]> {
  const { actor, occurredAt } = metadata;
  if (actor.role !== 'regional_manager')
    return refuse('MONTHLY_REPORT_NOT_AUTHORIZED', "only the regional manager submits the region's monthly report", {
      role: actor.role,
    });
  const lastDay = addDays(nextMonthStart(data.month), -1);
  if (lastDay > addDays(utcDate(occurredAt), BUSINESS_DATE_TOLERANCE_DAYS))
    return refuse('MONTHLY_REPORT_TOO_EARLY', `the report of ${data.month} is submitted from ${lastDay} on`, {
      month: data.month,
      from: lastDay,
    });
  if (state.status === 'submitted')
    return refuse('MONTHLY_REPORT_PENDING', `submission ${state.submission} awaits the sales manager`, {
      submission: state.submission,
    });
  if (state.status === 'accepted')
    return refuse('MONTHLY_REPORT_ALREADY_ACCEPTED', `the report of ${data.month} was accepted`, {
      submission: state.submission,
    });
  const submission = state.status === 'none' ? 1 : state.submission + 1;
  return right([
    {
      type: 'MonthlyReportSubmitted',
      data: { ...data, submission, figures: inputs.figures, submittedBy: actor.id, submittedAt: occurredAt },
    },
  ]);
}

/** Only a sales manager decides on a submission, and only on one that awaits a decision. */
function pending(
  command: AcceptMonthlyReportCommand | ReturnMonthlyReportCommand,
  state: MonthlyReportState,
): Either<MonthlyReportError, MonthlyReport> {
  const { role } = command.metadata.actor;
  if (role !== 'sales_manager')
    return refuse('MONTHLY_REPORT_NOT_AUTHORIZED', 'only a sales manager accepts or returns a monthly report', {
      role,
    });
  return state.status === 'submitted'
    ? right(state)
    : refuse('MONTHLY_REPORT_NOT_SUBMITTED', `no submission of ${command.data.month} awaits a decision`, {
        month: command.data.month,
      });
}

function accept(
  command: AcceptMonthlyReportCommand,
  state: MonthlyReportState,
): Either<MonthlyReportError, readonly MonthlyReportEvent[]> {
  const report = pending(command, state);
  if (report._tag === 'Left') return report;
  const { month, region, submission } = report.right;
  return right([
    {
      type: 'MonthlyReportAccepted',
      data: {
        month,
        region,
        submission,
        acceptedBy: command.metadata.actor.id,
        acceptedAt: command.metadata.occurredAt,
      },
    },
  ]);
}

function sendBack(
  command: ReturnMonthlyReportCommand,
  state: MonthlyReportState,
): Either<MonthlyReportError, readonly MonthlyReportEvent[]> {
  const report = pending(command, state);
  if (report._tag === 'Left') return report;
  const { month, region, submission } = report.right;
  const data = {
    month,
    region,
    submission,
    reason: command.data.reason,
    returnedBy: command.metadata.actor.id,
    returnedAt: command.metadata.occurredAt,
  };
  return right([{ type: 'MonthlyReportReturned', data }]);
}

/** Decides a MonthlyReport command: the register backs the token and the region is in the actor's scope, before any state. */
function decide(
  command: WithAccess<MonthlyReportCommand>,
  state: MonthlyReportState,
): Either<DomainError, readonly MonthlyReportEvent[]> {
  const access = checkAccess(command.metadata.actor, command.access, { region: command.data.region });
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'SubmitMonthlyReport':
      return submit(command, state);
    case 'AcceptMonthlyReport':
      return accept(command, state);
    case 'ReturnMonthlyReport':
      return sendBack(command, state);
    default:
      return assertNever(command);
  }
}

/** A region's monthly report (stream `report-<YYYY-MM>-<region>`, see `monthlyReportStream`) as a decider. */
export const monthlyReportDecider: Decider<WithAccess<MonthlyReportCommand>, MonthlyReportEvent, MonthlyReportState> = {
  initialState,
  decide,
  evolve,
};
