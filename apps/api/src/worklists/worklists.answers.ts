import { z } from 'zod';
import type {
  ApprovalRow,
  ComplaintListRow,
  CustomerListRow,
  DetractorFollowUpItem,
  OrderListRow,
  ProfileDueRow,
  ReceivableListRow,
} from '@salesbook/projections';
import { reportAnswer } from '../reports/answers/report-answer.js';

const nextCursor = {
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
};

/** A customer in `GET /customers`. */
export const CustomerListRowSchema = z.strictObject({
  customerId: z.string(),
  companyName: z.string(),
  region: z.string(),
  segment: z.string(),
  ownerRepId: z.string(),
  active: z.boolean(),
  lastReviewedOn: z.string(),
}) satisfies z.ZodType<CustomerListRow>;

/** An order in `GET /orders`. */
export const OrderListRowSchema = z.strictObject({
  orderId: z.string(),
  customerId: z.string(),
  repId: z.string(),
  region: z.string(),
  status: z.string(),
  late: z.boolean().describe('Past the promised date (before today) and not delivered'),
  placedOn: z.string(),
  promisedOn: z.string(),
  deliveredOn: z.string().nullable(),
  total: z.number().int(),
  currency: z.string(),
}) satisfies z.ZodType<OrderListRow>;

/** A receivable in `GET /receivables`. */
export const ReceivableListRowSchema = z.strictObject({
  receivableId: z.string(),
  orderId: z.string(),
  customerId: z.string(),
  repId: z.string(),
  region: z.string(),
  status: z.string(),
  amount: z.number().int(),
  outstanding: z.number().int(),
  currency: z.string(),
  issuedOn: z.string(),
  nextDueOn: z.string().nullable(),
  overdue: z.boolean(),
  disputed: z.boolean(),
  lastFollowUp: z.strictObject({ on: z.string(), channel: z.string(), by: z.string() }).nullable(),
  promise: z
    .strictObject({
      date: z.string(),
      amount: z.number().int(),
      paid: z.number().int(),
      status: z.enum(['none', 'open', 'kept', 'broken']),
    })
    .nullable(),
  remindersPaused: z.boolean(),
  writeOffRequested: z.boolean(),
}) satisfies z.ZodType<ReceivableListRow>;

/** A complaint in `GET /complaints`. */
export const ComplaintListRowSchema = z.strictObject({
  complaintId: z.string(),
  customerId: z.string(),
  ownerRepId: z.string(),
  region: z.string(),
  handlerId: z.string().nullable(),
  category: z.string(),
  severity: z.string(),
  status: z.string(),
  filedAt: z.string(),
  deadline: z.string().describe('acknowledge, resolve, paused (waiting on the customer) or none'),
  deadlineAt: z.string().nullable(),
  breached: z.boolean(),
}) satisfies z.ZodType<ComplaintListRow>;

const link = z.strictObject({ method: z.literal('POST'), path: z.string() });

/** Something in `GET /approvals`, with the route that approves it (and, for a compensation, the one that rejects it). */
export const ApprovalRowSchema = z.strictObject({
  kind: z.enum(['discount', 'write_off', 'compensation']),
  id: z.string(),
  customerId: z.string(),
  repId: z.string(),
  region: z.string(),
  askedBy: z.string(),
  askedAt: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  discountBp: z.number().int().nullable(),
  approve: link,
  reject: link
    .nullable()
    .describe(
      'A compensation request is rejected with a body `{ reason }`; discounts and write-offs have no rejection',
    ),
});
type Link = { readonly method: 'POST'; readonly path: string };
export type ApprovalAnswerRow = ApprovalRow & { readonly approve: Link; readonly reject: Link | null };

/** The answer of a list route. */
export const listAnswer = <R extends z.ZodType, F extends z.ZodRawShape>(row: R, fields: F) =>
  reportAnswer(row, { ...fields, ...nextCursor });

const section = <R extends z.ZodType>(row: R) => z.strictObject({ items: z.array(row), more: z.boolean() });

/** A profile due for review in `GET /my-day`. */
export const ProfileDueRowSchema = z.strictObject({
  customerId: z.string(),
  companyName: z.string(),
  ownerRepId: z.string(),
  lastReviewedOn: z.string(),
  reviewDueOn: z.string(),
}) satisfies z.ZodType<ProfileDueRow>;

/** An open follow-up of an unhappy survey answer in `GET /my-day`. */
export const DetractorFollowUpItemSchema = z.strictObject({
  customerId: z.string(),
  surveyId: z.string(),
  ownerRepId: z.string(),
  region: z.string(),
  nps: z.number().int(),
  csat: z.number().int(),
  openedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
}) satisfies z.ZodType<DetractorFollowUpItem>;

/** The answer of `GET /my-day`. */
export const MyDayAnswer = z.strictObject({
  today: z.string(),
  followUps: section(ReceivableListRowSchema),
  promisesDue: section(ReceivableListRowSchema),
  deliveriesDue: section(OrderListRowSchema),
  lateOrders: section(OrderListRowSchema),
  complaints: section(ComplaintListRowSchema),
  profilesDue: section(ProfileDueRowSchema),
  detractorFollowUps: section(DetractorFollowUpItemSchema),
  approvals: section(ApprovalRowSchema).nullable(),
  position: z.string().nullable(),
  lag: z.number().int().min(0),
  stale: z.boolean(),
});
