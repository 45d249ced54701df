import { z } from 'zod';

// The parts of `GET /evaluations` the evaluation panel reads; anything else in the answer is ignored.
const ratio = z.number().nullable();

/** One currency of a frozen monthly scorecard. */
const ScorecardCurrency = z.object({
  currency: z.string(),
  booked: z.number(),
  target: z.number().nullable(),
  attainment: ratio,
  collected: z.number(),
  collection_rate: ratio,
});

/** One month of the scorecards an evaluation froze: none or one row (the rep's). */
const FrozenMonth = z.object({
  month: z.string(),
  rows: z.array(
    z.object({
      csat: z.object({ value: ratio, n: z.number() }),
      complaints_per_100_orders: ratio,
      on_time_delivery_rate: ratio,
      currencies: z.array(ScorecardCurrency),
    }),
  ),
});

/** A reward or penalty decided. */
const Outcome = z.object({
  kind: z.string(),
  note: z.string(),
  amount: z.number().optional(),
  currency: z.string().optional(),
});

/** `GET /evaluations?year=&rep=`: the evaluation history in the reader's scope. */
export const Evaluations = z.object({
  position: z.string().nullable(),
  rows: z.array(
    z.object({
      rep_id: z.string(),
      quarter: z.string(),
      region: z.string(),
      status: z.string(),
      rating: z.number().nullable(),
      strengths: z.string().nullable(),
      actions: z.array(z.object({ action: z.string(), dueOn: z.string() })),
      outcomes: z.array(Outcome),
      snapshot: z.object({ scorecards: z.array(FrozenMonth), position: z.string().nullable() }),
      opened_by: z.string(),
      finalised_at: z.string().nullable(),
      acknowledged_at: z.string().nullable(),
    }),
  ),
});
export type Evaluations = z.infer<typeof Evaluations>;
/** One evaluation of the history. */
export type EvaluationRow = Evaluations['rows'][number];
