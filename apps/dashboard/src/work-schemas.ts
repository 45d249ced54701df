import { z } from 'zod';

// The parts of the work lists' answers the Work page reads; anything else in an answer is ignored.
const freshness = { position: z.string().nullable(), lag: z.number(), stale: z.boolean() };

/** A receivable of a queue. */
export const WorkReceivable = z.object({
  receivableId: z.string(),
  customerId: z.string(),
  outstanding: z.number(),
  currency: z.string(),
  nextDueOn: z.string().nullable(),
  promise: z.object({ date: z.string() }).nullable(),
});
/** An order of a queue. */
export const WorkOrder = z.object({
  orderId: z.string(),
  customerId: z.string(),
  status: z.string(),
  promisedOn: z.string(),
  total: z.number(),
  currency: z.string(),
});
/** A complaint of the queue. */
export const WorkComplaint = z.object({
  complaintId: z.string(),
  customerId: z.string(),
  severity: z.string(),
  deadline: z.string(),
  deadlineAt: z.string().nullable(),
  breached: z.boolean(),
});
/** A profile due for review. */
export const WorkProfile = z.object({ customerId: z.string(), companyName: z.string(), reviewDueOn: z.string() });
const link = z.object({ method: z.literal('POST'), path: z.string() });

/** Something waiting for approval, with the route that approves it (and, for a compensation, the one that rejects it). */
export const WorkApproval = z.object({
  kind: z.enum(['discount', 'write_off', 'compensation']),
  id: z.string(),
  customerId: z.string(),
  askedBy: z.string(),
  askedAt: z.string(),
  amount: z.number(),
  currency: z.string(),
  approve: link,
  reject: link.nullable(),
});
export type WorkApproval = z.infer<typeof WorkApproval>;

const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), more: z.boolean() });

/** `GET /my-day`. */
export const MyDay = z.object({
  ...freshness,
  today: z.string(),
  followUps: section(WorkReceivable),
  promisesDue: section(WorkReceivable),
  deliveriesDue: section(WorkOrder),
  lateOrders: section(WorkOrder),
  complaints: section(WorkComplaint),
  profilesDue: section(WorkProfile),
});
export type MyDay = z.infer<typeof MyDay>;

/** `GET /approvals`. */
export const Approvals = z.object({ ...freshness, rows: z.array(WorkApproval) });

/** `GET /customers`. */
export const CustomerList = z.object({
  ...freshness,
  nextCursor: z.string().nullable(),
  rows: z.array(
    z.object({
      customerId: z.string(),
      companyName: z.string(),
      region: z.string(),
      ownerRepId: z.string(),
      active: z.boolean(),
    }),
  ),
});

/** A command's answer: where its events landed (read the lists at least there). */
export const CommandAnswer = z.object({ position: z.string() });
