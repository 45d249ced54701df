import { z } from 'zod';
import type * as P from '@salesbook/projections';

/** One target of the month, its quarter or its year against the period's figure to the end of the month. */
export const PlanAttainmentRowSchema = z.strictObject({
  group: z.string().describe('The rep or region the target is for'),
  period: z.string().describe('YYYY-MM, YYYY-Qn or YYYY: the month asked for, its quarter and its year'),
  measure: z.enum(['booked', 'collected', 'newCustomers']),
  currency: z.string(),
  target: z.number().int().describe('Minor units; a number of customers for newCustomers'),
  actual: z
    .number()
    .int()
    .describe(
      "The measure from the period's first day to the end of the month asked for: booked sales, collected sales (received less reversed) or customers registered",
    ),
  attainment: z.number().nullable().describe('actual / target, 4 decimals'),
  splitTotal: z
    .number()
    .int()
    .nullable()
    .describe(
      "A region target split across its reps: the sum of those reps' targets in force (equal to target while the split holds). Null otherwise",
    ),
}) satisfies z.ZodType<P.PlanAttainmentRow>;
