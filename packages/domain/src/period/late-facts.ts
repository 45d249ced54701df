import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError } from '../shared/domain-error.js';
import type { IsoDate, YearMonth } from '../shared/time.js';

/**
 * What the handler loads for the period rules: the months closed when the command is decided, and the
 * business date (in the business zone) the command is recorded on.
 */
export interface PeriodFacts {
  readonly closed: readonly YearMonth[];
  readonly recordedOn: IsoDate;
}

/** A command with the period facts its handler loaded; without them no month counts as closed (generators, tests). */
export type WithPeriods<C> = C & { readonly periods?: PeriodFacts };

/** The business date of each dated fact: the day the money moved or the goods went, not the day it was recorded. */
const DATE_FIELDS: ReadonlyMap<string, string> = new Map([
  ['PaymentReceived', 'receivedOn'],
  ['PaymentReversed', 'reversedOn'],
  ['CreditNoteIssued', 'creditedOn'],
  ['ReceivableWrittenOff', 'writtenOffOn'],
  ['OrderShipmentRecorded', 'shippedOn'],
  ['OrderDelivered', 'deliveredOn'],
]);

/** The business date a dated fact counts on: `postedOn` when it came late into a closed month, else its own date. */
export const countsOn = (data: { readonly postedOn?: IsoDate | undefined }, own: IsoDate): IsoDate =>
  data.postedOn ?? own;

type DatedEvent = { readonly type: string; readonly data: Readonly<Record<string, unknown>> };

/** A fact dated in a closed month keeps its date and gains `postedOn`, the open day it counts on. */
function posted<E extends DatedEvent>(event: E, closed: ReadonlySet<string>, recordedOn: IsoDate): E {
  const field = DATE_FIELDS.get(event.type);
  const on = field === undefined ? undefined : event.data[field];
  if (typeof on !== 'string' || !closed.has(on.slice(0, 7))) return event;
  // Each event type in DATE_FIELDS declares `postedOn` (an optional IsoDate), so the event is still an E.
  return { ...event, data: { ...event.data, postedOn: recordedOn } } as E;
}

/**
 * The period rule applied to a decision: a command recorded on a day of a closed month is refused
 * (`PERIOD_CLOSED`: only imports can date a command in the past); a fact dated in a closed month is still
 * recorded, with its own date, and counts on the day it was recorded (`postedOn`), so the closed month's
 * figures never move.
 */
export function postLateFacts<E extends DatedEvent>(
  decision: Either<DomainError, readonly E[]>,
  periods: PeriodFacts | undefined,
): Either<DomainError, readonly E[]> {
  if (periods === undefined || isLeft(decision) || decision.right.length === 0) return decision;
  const closed = new Set(periods.closed);
  const month = periods.recordedOn.slice(0, 7);
  if (closed.has(month))
    return left(
      domainError('PERIOD_CLOSED', `${month} is closed: nothing may be recorded on ${periods.recordedOn}`, {
        month,
        recordedOn: periods.recordedOn,
      }),
    );
  return right(decision.right.map((event) => posted(event, closed, periods.recordedOn)));
}

/** The target rule: a target of a closed month is neither set nor revised. */
export function checkMonthOpen(month: YearMonth, periods: PeriodFacts | undefined): Either<DomainError, true> {
  return periods !== undefined && periods.closed.includes(month)
    ? left(domainError('PERIOD_CLOSED', `${month} is closed: its targets no longer change`, { month }))
    : right(true);
}
