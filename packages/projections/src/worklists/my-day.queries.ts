import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { addMonths } from '../customers/stale-profiles.queries.js';
import type { LagOf } from '../runner/report.js';
import { activePosition, prepared } from '../runner/statements.js';
import { listApprovals, type ApprovalRow } from './approvals.queries.js';
import { listComplaints, type ComplaintListRow } from './complaints.queries.js';
import { plusDays, WORKLISTS, type ListResult } from './list-result.js';
import { listOrders, type OrderListRow } from './orders.queries.js';
import { listReceivables, type ReceivableListRow } from './receivables.queries.js';
import type { WorkCustomerRow } from './worklists.tables.js';
import {
  DEFAULT_FOLLOW_UP_BUSINESS_DAYS,
  listDetractorFollowUps,
  type DetractorFollowUpItem,
} from '../satisfaction/follow-ups.queries.js';

/** Items per section of "my day"; `more` says when a section has others (its list has them all). */
export const MY_DAY_ITEMS = 50;
/** Months after its last review a customer profile is due for review. */
const REVIEW_MONTHS = 12;

/** A section of "my day": its first items and whether there are more. */
export interface MyDaySection<T> {
  readonly items: readonly T[];
  readonly more: boolean;
}

/** A customer whose profile is due for review. */
export interface ProfileDueRow {
  readonly customerId: string;
  readonly companyName: string;
  readonly ownerRepId: string;
  readonly lastReviewedOn: string;
  readonly reviewDueOn: string;
}

/** Whose day: a rep (their own records, the complaints they handle), or a manager's scope with their approvals. */
export interface MyDayFilter {
  readonly today: string;
  readonly now: string;
  readonly scope: ReportScope;
  /** Set for managers: the approvals inbox joins their day. */
  readonly approver?: { readonly id: string; readonly discountLimitBp: number } | undefined;
  /** Business days an unhappy answer's follow-up is given (default 2). */
  readonly followUpBusinessDays?: number;
}

/** The day's work. */
export interface MyDay {
  readonly followUps: MyDaySection<ReceivableListRow>;
  readonly promisesDue: MyDaySection<ReceivableListRow>;
  readonly deliveriesDue: MyDaySection<OrderListRow>;
  readonly lateOrders: MyDaySection<OrderListRow>;
  readonly complaints: MyDaySection<ComplaintListRow>;
  readonly profilesDue: MyDaySection<ProfileDueRow>;
  /** Follow-ups of unhappy survey answers: a rep's open ones; for everyone else, the overdue ones in their scope. */
  readonly detractorFollowUps: MyDaySection<DetractorFollowUpItem>;
  readonly approvals: MyDaySection<ApprovalRow> | null;
  readonly position: string | null;
  readonly lag: number;
}

const section = <T>(result: ListResult<T>): MyDaySection<T> => ({
  items: result.rows,
  more: result.nextCursor !== null,
});

/** Active customers whose last review plus 12 months is on or before today, oldest review first. */
function profilesDue(db: Database.Database, filter: MyDayFilter): MyDaySection<ProfileDueRow> {
  // A review on or after this date cannot be due yet (end-of-month clamping moves a due date by at most 3 days).
  const bound = plusDays(addMonths(filter.today, -REVIEW_MONTHS), 4);
  const scope =
    filter.scope.repId !== undefined
      ? 'AND owner_rep_id = @rep'
      : filter.scope.region !== undefined
        ? 'AND region = @region'
        : '';
  const sql = `SELECT * FROM wl_customers WHERE last_reviewed_on < @bound AND active = 1 ${scope} ORDER BY last_reviewed_on, customer_id LIMIT @limit + 0`;
  const rows = prepared(db, sql).all({
    bound,
    limit: MY_DAY_ITEMS + 5,
    ...(filter.scope.repId === undefined ? {} : { rep: filter.scope.repId }),
    ...(filter.scope.region === undefined ? {} : { region: filter.scope.region }),
  }) as WorkCustomerRow[];
  const due = rows
    .map((r) => ({
      customerId: r.customer_id,
      companyName: r.company_name,
      ownerRepId: r.owner_rep_id,
      lastReviewedOn: r.last_reviewed_on,
      reviewDueOn: addMonths(r.last_reviewed_on, REVIEW_MONTHS),
    }))
    .filter((r) => r.reviewDueOn <= filter.today);
  return { items: due.slice(0, MY_DAY_ITEMS), more: due.length > MY_DAY_ITEMS };
}

function approvals(
  db: Database.Database,
  lagOf: LagOf,
  approver: NonNullable<MyDayFilter['approver']>,
  region: string | undefined,
): MyDaySection<ApprovalRow> {
  const rows = listApprovals(db, lagOf, {
    approverId: approver.id,
    region,
    discountLimitBp: approver.discountLimitBp,
    limit: MY_DAY_ITEMS + 1,
  }).rows;
  return { items: rows.slice(0, MY_DAY_ITEMS), more: rows.length > MY_DAY_ITEMS };
}

/** The day's work in one read of the worklists (one transaction, one position). */
export function queryMyDay(db: Database.Database, lagOf: LagOf, filter: MyDayFilter): MyDay {
  const { today, now, scope } = filter;
  const page = { scope, limit: MY_DAY_ITEMS };
  return db.transaction((): MyDay => {
    const handler = scope.repId;
    const position = activePosition(db, WORKLISTS);
    return {
      followUps: section(listReceivables(db, lagOf, { ...page, today, status: 'open', needsFollowUp: true })),
      promisesDue: section(listReceivables(db, lagOf, { ...page, today, status: 'open', promiseDueOn: today })),
      deliveriesDue: section(listOrders(db, lagOf, { ...page, today, promisedOn: today })),
      lateOrders: section(listOrders(db, lagOf, { ...page, today, status: 'late' })),
      complaints: section(listComplaints(db, lagOf, { ...page, now, status: 'open', handler })),
      profilesDue: profilesDue(db, filter),
      detractorFollowUps: listDetractorFollowUps(db, {
        scope,
        today,
        businessDays: filter.followUpBusinessDays ?? DEFAULT_FOLLOW_UP_BUSINESS_DAYS,
        overdueOnly: scope.repId === undefined,
        limit: MY_DAY_ITEMS,
      }),
      approvals: filter.approver === undefined ? null : approvals(db, lagOf, filter.approver, scope.region),
      position: position === null || position === undefined ? null : BigInt(position).toString(),
      lag: lagOf(WORKLISTS),
    };
  })();
}
