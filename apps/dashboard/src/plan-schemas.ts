import { z } from 'zod';

// The `plan` list of `GET /reports/sales/monthly` the plan panel reads; anything else in the answer is ignored.

/** One target of the month, its quarter or its year against the measure from the period's first day to the month's end. */
export const PlanRow = z.object({
  group: z.string(),
  period: z.string(),
  measure: z.enum(['booked', 'collected', 'newCustomers']),
  currency: z.string(),
  target: z.number(),
  actual: z.number(),
  attainment: z.number().nullable(),
});
export type PlanRow = z.infer<typeof PlanRow>;

/** `GET /reports/sales/monthly?groupBy=rep|region`: its plan attainment. */
export const MonthlyPlan = z.object({ plan: z.array(PlanRow) });
