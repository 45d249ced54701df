import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import { plusDays, readList, type ListPaging, type ListResult } from './list-result.js';
import { Conditions, readPage } from './paging.js';
import type { WorkReceivableRow } from './worklists.tables.js';

/** Statuses `GET /receivables` filters on. */
export const RECEIVABLE_LIST_STATUSES = [
  'open',
  'due_soon',
  'overdue',
  'disputed',
  'promised',
  'settled',
  'written_off',
] as const;
/** One of the statuses the list filters on. */
export type ReceivableListStatus = (typeof RECEIVABLE_LIST_STATUSES)[number];

/** Days ahead `due_soon` looks when `dueWithinDays` is not given. */
export const DEFAULT_DUE_WITHIN_DAYS = 7;

/** `GET /receivables` filters. */
export interface ReceivableListFilter extends ListPaging {
  readonly today: string;
  readonly status?: ReceivableListStatus | undefined;
  /** Only receivables with an installment owing due by today + N days (`due_soon`: from today, default 7). */
  readonly dueWithinDays?: number | undefined;
  readonly rep?: string | undefined;
  readonly region?: string | undefined;
  readonly customer?: string | undefined;
  /** "My day": overdue, reminders not paused, and no follow-up in the 7 days up to today. */
  readonly needsFollowUp?: boolean | undefined;
  /** "My day": an open promise to pay falling due on this date. */
  readonly promiseDueOn?: string | undefined;
}

/** Where the latest promise to pay stands today. */
export type ListPromiseStatus = 'none' | 'open' | 'kept' | 'broken';

/** A receivable in the list, with its collection follow-up. */
export interface ReceivableListRow {
  readonly receivableId: string;
  readonly orderId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly region: string;
  readonly status: string;
  readonly amount: number;
  readonly outstanding: number;
  readonly currency: string;
  readonly issuedOn: string;
  readonly nextDueOn: string | null;
  readonly overdue: boolean;
  readonly disputed: boolean;
  readonly lastFollowUp: { readonly on: string; readonly channel: string; readonly by: string } | null;
  readonly promise: {
    readonly date: string;
    readonly amount: number;
    readonly paid: number;
    readonly status: ListPromiseStatus;
  } | null;
  /** Reminders pause while an open receivable is disputed or its promise to pay is open. */
  readonly remindersPaused: boolean;
  readonly writeOffRequested: boolean;
}

/** The name of the receivable list in its cursors. */
export const RECEIVABLE_LIST = 'receivables';

function promiseOf(row: WorkReceivableRow, today: string): ReceivableListRow['promise'] {
  if (row.promise_on === null || row.promise_amount === null) return null;
  const status = row.promise_paid >= row.promise_amount ? 'kept' : today > row.promise_on ? 'broken' : 'open';
  return { date: row.promise_on, amount: row.promise_amount, paid: row.promise_paid, status };
}

const answer =
  (today: string) =>
  (row: WorkReceivableRow): ReceivableListRow => {
    const promise = promiseOf(row, today);
    const open = row.status === 'open';
    return {
      receivableId: row.receivable_id,
      orderId: row.order_id,
      customerId: row.customer_id,
      repId: row.rep_id,
      region: row.region,
      status: row.status,
      amount: row.amount,
      outstanding: row.outstanding,
      currency: row.currency,
      issuedOn: row.issued_on,
      nextDueOn: row.next_due_on,
      overdue: open && row.next_due_on !== null && row.next_due_on < today,
      disputed: row.disputed === 1,
      lastFollowUp:
        row.last_follow_up_on === null
          ? null
          : { on: row.last_follow_up_on, channel: row.last_follow_up_channel ?? '', by: row.last_follow_up_by ?? '' },
      promise,
      remindersPaused: open && (row.disputed === 1 || promise?.status === 'open'),
      writeOffRequested: row.write_off_asked_by !== null,
    };
  };

function statusCondition(where: Conditions, filter: ReceivableListFilter): void {
  const { today, status } = filter;
  const soon = plusDays(today, filter.dueWithinDays ?? DEFAULT_DUE_WITHIN_DAYS);
  where.add('status = @status', {
    status: status === 'settled' || status === 'written_off' ? status : status === undefined ? undefined : 'open',
  });
  where.add('next_due_on < @today', { today }, status === 'overdue');
  // An open receivable's sort key is its next due date: the same range on it lets the index seek instead of filter.
  where.add(
    'next_due_on >= @today AND next_due_on <= @soon AND sort_due_on >= @today AND sort_due_on <= @soon',
    { today, soon },
    status === 'due_soon',
  );
  where.add('disputed = 1', {}, status === 'disputed');
  where.add('promise_on >= @today AND promise_paid < promise_amount', { today }, status === 'promised');
  where.add('promise_on = @promiseDueOn AND promise_paid < promise_amount', { promiseDueOn: filter.promiseDueOn });
  where.add(
    `next_due_on < @today AND disputed = 0 AND NOT (promise_on IS NOT NULL AND promise_on >= @today AND promise_paid < promise_amount) AND (last_follow_up_on IS NULL OR last_follow_up_on < @weekAgo)`,
    { today, weekAgo: plusDays(today, -6) },
    filter.needsFollowUp === true,
  );
  where.add('next_due_on <= @within', { within: soon }, status !== 'due_soon' && filter.dueWithinDays !== undefined);
}

/** Receivables earliest due first (the collection plan), then id, in the caller's scope and the filters. */
export function listReceivables(
  db: Database.Database,
  lagOf: LagOf,
  filter: ReceivableListFilter,
): ListResult<ReceivableListRow> {
  const where = new Conditions()
    .add('rep_id = @scopeRep', { scopeRep: filter.scope.repId })
    .add('region = @scopeRegion', { scopeRegion: filter.scope.region })
    .add('rep_id = @rep', { rep: filter.rep })
    .add('region = @region', { region: filter.region })
    .add('customer_id = @customer', { customer: filter.customer });
  statusCondition(where, filter);
  where.add('(sort_due_on, receivable_id) > (@afterOn, @afterId)', {
    afterOn: filter.after?.[0],
    afterId: filter.after?.[1],
  });
  const sql = `SELECT * FROM wl_receivables ${where.sql} ORDER BY sort_due_on, receivable_id`;
  const keyOf = (r: WorkReceivableRow) => [r.sort_due_on, r.receivable_id];
  return readList(
    db,
    lagOf,
    () =>
      readPage<WorkReceivableRow>(db, { list: RECEIVABLE_LIST, sql, params: where.params, limit: filter.limit, keyOf }),
    answer(filter.today),
  );
}
