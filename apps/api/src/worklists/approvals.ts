import { DISCOUNT_LIMIT_BP, type Role } from '@salesbook/domain';
import { z } from 'zod';
import { listApprovals, MAX_PAGE, WORKLISTS, type ApprovalRow } from '@salesbook/projections';
import { scopeOf, type ReportDefinition } from '../reports/report-definition.js';
import { ApprovalRowSchema, listAnswer, type ApprovalAnswerRow } from './worklists.answers.js';

/** Who approves: managers (a regional manager in their region); the domain checks again when they approve. */
export const APPROVERS: readonly Role[] = ['sales_manager', 'regional_manager'];

/** `GET /approvals?limit=`. */
export const ApprovalsQuery = z
  .object({ limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(MAX_PAGE) })
  .strict();
export type ApprovalsQuery = z.infer<typeof ApprovalsQuery>;

const APPROVE_PATH: Readonly<Record<ApprovalRow['kind'], (id: string) => string>> = {
  discount: (id) => `/orders/${id}/discount-approval`,
  write_off: (id) => `/receivables/${id}/write-off-approval`,
  compensation: (id) => `/complaints/${id}/compensation-approval`,
};

/** An item of the inbox with the route that approves it and, for a compensation, the one that rejects it. */
export const withApproveLink = (row: ApprovalRow): ApprovalAnswerRow => ({
  ...row,
  approve: { method: 'POST', path: APPROVE_PATH[row.kind](row.id) },
  reject: row.kind === 'compensation' ? { method: 'POST', path: `/complaints/${row.id}/compensation-rejection` } : null,
});

/** Discounts, write-offs and compensations waiting for the caller, oldest request first, with the link that approves each. */
export const approvalsInbox: ReportDefinition<ApprovalsQuery, ApprovalAnswerRow> = {
  route: {
    method: 'GET',
    path: '/approvals',
    audience: APPROVERS,
    summary:
      "What waits for the caller's approval: discounts within their limit, write-offs awaiting a second person, compensations over the limit in their region; never their own request; oldest first",
    tag: 'lists',
    query: ApprovalsQuery,
    response: listAnswer(ApprovalRowSchema, {}),
    status: 200,
    projection: WORKLISTS,
  },
  run(query, { db, lagOf, actor }) {
    const result = listApprovals(db, lagOf, {
      approverId: actor.id,
      region: scopeOf(actor).region,
      discountLimitBp: DISCOUNT_LIMIT_BP[actor.role],
      limit: query.limit,
    });
    return { ...result, rows: result.rows.map(withApproveLink) };
  },
};
