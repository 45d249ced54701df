import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import { readList, type ListResult } from './list-result.js';
import { Conditions } from './paging.js';

/** Who asks for the inbox: their id (never shown their own requests), region (a regional manager) and discount limit. */
export interface ApprovalsFilter {
  readonly approverId: string;
  readonly region?: string | undefined;
  /** The highest line discount (bp) the approver may approve. */
  readonly discountLimitBp: number;
  readonly limit: number;
}

/** What waits: an order's discount, a receivable's write-off or a complaint's compensation. */
export type ApprovalKind = 'discount' | 'write_off' | 'compensation';

/** Something waiting for the caller's approval. */
export interface ApprovalRow {
  readonly kind: ApprovalKind;
  /** The order (discount), receivable (write-off) or complaint (compensation). */
  readonly id: string;
  readonly customerId: string;
  /** The order's or receivable's rep; for a compensation, the customer's own rep. */
  readonly repId: string;
  readonly region: string;
  readonly askedBy: string;
  readonly askedAt: string;
  /** The order's total (discount), the outstanding amount to write off or the compensation asked for. */
  readonly amount: number;
  readonly currency: string;
  /** The highest line discount asked (discounts only). */
  readonly discountBp: number | null;
}

type Raw = {
  kind: ApprovalKind;
  id: string;
  customer_id: string;
  rep_id: string;
  region: string;
  asked_by: string;
  asked_at: string;
  amount: number;
  currency: string;
  discount_bp: number | null;
};

/**
 * Discounts awaiting approval within the approver's limit, write-offs awaiting a second person and compensation
 * requests, in the approver's region (a regional manager) and never asked by the approver (nor, for a compensation,
 * shown to the customer's own rep); oldest request first, at most `limit`.
 */
export function listApprovals(db: Database.Database, lagOf: LagOf, filter: ApprovalsFilter): ListResult<ApprovalRow> {
  const orders = new Conditions()
    .add(`status = 'awaiting_approval'`)
    .add('approval_asked_by <> @me', { me: filter.approverId })
    .add('approval_discount_bp <= @limitBp', { limitBp: filter.discountLimitBp })
    .add('region = @region', { region: filter.region });
  const receivables = new Conditions()
    .add('write_off_asked_at IS NOT NULL')
    .add('write_off_asked_by <> @me', { me: filter.approverId })
    .add('region = @region', { region: filter.region });
  const complaints = new Conditions()
    .add('compensation_asked_at IS NOT NULL')
    .add('compensation_asked_by <> @me AND owner_rep_id <> @me', { me: filter.approverId })
    .add('region = @region', { region: filter.region });
  const sql = `SELECT 'discount' AS kind, order_id AS id, customer_id, rep_id, region, approval_asked_by AS asked_by, approval_asked_at AS asked_at, total AS amount, currency, approval_discount_bp AS discount_bp FROM wl_orders ${orders.sql}
    UNION ALL
    SELECT 'write_off', receivable_id, customer_id, rep_id, region, write_off_asked_by, write_off_asked_at, outstanding, currency, NULL FROM wl_receivables ${receivables.sql}
    UNION ALL
    SELECT 'compensation', complaint_id, customer_id, owner_rep_id, region, compensation_asked_by, compensation_asked_at, compensation_amount, compensation_currency, NULL FROM wl_complaints ${complaints.sql}
    ORDER BY asked_at, id LIMIT @limit + 0`;
  const read = () => ({
    rows: prepared(db, sql).all({
      ...orders.params,
      ...receivables.params,
      ...complaints.params,
      limit: filter.limit,
    }) as Raw[],
    nextCursor: null,
  });
  return readList(db, lagOf, read, (r): ApprovalRow => ({
    kind: r.kind,
    id: r.id,
    customerId: r.customer_id,
    repId: r.rep_id,
    region: r.region,
    askedBy: r.asked_by,
    askedAt: r.asked_at,
    amount: r.amount,
    currency: r.currency,
    discountBp: r.discount_bp,
  }));
}
