import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import { readList, type ListPaging, type ListResult } from './list-result.js';
import { Conditions, readPage } from './paging.js';
import type { WorkComplaintRow } from './worklists.tables.js';

/** Statuses `GET /complaints` filters on: the domain's, and `open` (filed, acknowledged, investigating or awaiting the customer). */
export const COMPLAINT_LIST_STATUSES = [
  'open',
  'filed',
  'acknowledged',
  'investigating',
  'awaiting_customer',
  'resolved',
  'closed',
] as const;
/** One of the statuses the list filters on. */
export type ComplaintListStatus = (typeof COMPLAINT_LIST_STATUSES)[number];

/** `GET /complaints` filters. */
export interface ComplaintListFilter extends ListPaging {
  /** The instant deadlines are compared with. */
  readonly now: string;
  readonly status?: ComplaintListStatus | undefined;
  readonly handler?: string | undefined;
  readonly customer?: string | undefined;
  /** Only complaints whose next deadline is within this many hours from now (breached ones included). */
  readonly breachWithinHours?: number | undefined;
}

/** A complaint in the queue. */
export interface ComplaintListRow {
  readonly complaintId: string;
  readonly customerId: string;
  readonly ownerRepId: string;
  readonly region: string;
  readonly handlerId: string | null;
  readonly category: string;
  readonly severity: string;
  readonly status: string;
  readonly filedAt: string;
  /** What the next deadline is for: `acknowledge`, `resolve`, `paused` (waiting on the customer) or `none`. */
  readonly deadline: string;
  readonly deadlineAt: string | null;
  readonly breached: boolean;
}

/** The name of the complaint queue in its cursors. */
export const COMPLAINT_LIST = 'complaints';

const answer =
  (now: string) =>
  (row: WorkComplaintRow): ComplaintListRow => ({
    complaintId: row.complaint_id,
    customerId: row.customer_id,
    ownerRepId: row.owner_rep_id,
    region: row.region,
    handlerId: row.handler_id,
    category: row.category,
    severity: row.severity,
    status: row.status,
    filedAt: row.filed_at,
    deadline: row.deadline_kind,
    deadlineAt: row.deadline_at,
    breached: row.deadline_at !== null && row.deadline_at < now,
  });

const OPEN = `status IN ('filed', 'acknowledged', 'investigating', 'awaiting_customer')`;

/**
 * The complaint queue by next deadline (breached first, then the soonest; those without a running deadline last),
 * then id. A rep's scope is the complaints they handle and those of their own customers.
 */
export function listComplaints(
  db: Database.Database,
  lagOf: LagOf,
  filter: ComplaintListFilter,
): ListResult<ComplaintListRow> {
  const within =
    filter.breachWithinHours === undefined
      ? undefined
      : new Date(Date.parse(filter.now) + filter.breachWithinHours * 3_600_000).toISOString();
  const where = new Conditions()
    .add('(handler_id = @scopeRep OR owner_rep_id = @scopeRep)', { scopeRep: filter.scope.repId })
    .add('region = @scopeRegion', { scopeRegion: filter.scope.region })
    .add('handler_id = @handler', { handler: filter.handler })
    .add('customer_id = @customer', { customer: filter.customer })
    .add(OPEN, {}, filter.status === 'open')
    .add('status = @status', { status: filter.status === 'open' ? undefined : filter.status })
    .add('deadline_at <= @within', { within })
    .add('(queue_at, complaint_id) > (@afterAt, @afterId)', { afterAt: filter.after?.[0], afterId: filter.after?.[1] });
  const sql = `SELECT * FROM wl_complaints ${where.sql} ORDER BY queue_at, complaint_id`;
  const keyOf = (r: WorkComplaintRow) => [r.queue_at, r.complaint_id];
  return readList(
    db,
    lagOf,
    () =>
      readPage<WorkComplaintRow>(db, { list: COMPLAINT_LIST, sql, params: where.params, limit: filter.limit, keyOf }),
    answer(filter.now),
  );
}
