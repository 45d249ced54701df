import { z } from 'zod';

/** One month's close status: `open` (never closed), `closed`, or `reopened` (closed once, open again). */
export const PeriodRow = z.strictObject({
  month: z.string(),
  status: z.enum(['open', 'closed', 'reopened']),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  reopenings: z.number().int(),
  lastReopenedAt: z.string().nullable(),
  reopeningRequest: z
    .strictObject({ reason: z.string(), requestedBy: z.string(), requesterRole: z.string(), requestedAt: z.string() })
    .nullable(),
});
export type PeriodRow = z.infer<typeof PeriodRow>;

/** The answer of `GET /periods`: each month of the range, oldest first. */
export const PeriodsAnswer = z.strictObject({ from: z.string(), to: z.string(), months: z.array(PeriodRow) });
export type PeriodsAnswer = z.infer<typeof PeriodsAnswer>;
