import { z } from 'zod';

// The parts of the forecast answers the page reads; anything else in an answer is ignored.

const minor = z.number().int();

/** `GET /reports/forecast`: per group, month and currency, booked to date, pipeline, statistical, the reps' numbers and the target. */
export const ForecastAnswer = z.object({
  asOf: z.string(),
  rows: z.array(
    z.object({
      group: z.string(),
      month: z.string(),
      currency: z.string(),
      booked: minor,
      pipeline: minor,
      statistical: minor,
      commit: minor.nullable(),
      bestCase: minor.nullable(),
      target: minor.nullable(),
      gap: z.number().int().nullable(),
    }),
  ),
});
export type ForecastAnswer = z.infer<typeof ForecastAnswer>;

const Score = z.object({ forecast: z.number().nullable(), error: z.number().nullable() });

/** `GET /reports/forecast/accuracy`: each closed month scored, and MAPE and bias over the range. */
export const AccuracyAnswer = z.object({
  rows: z.array(
    z.object({
      group: z.string(),
      month: z.string(),
      currency: z.string(),
      actual: minor,
      statistical: Score,
      commit: Score.nullable(),
      bestCase: Score.nullable(),
    }),
  ),
  summary: z.array(
    z.object({
      group: z.string(),
      currency: z.string(),
      kind: z.enum(['statistical', 'commit', 'bestCase']),
      months: z.number().int(),
      mape: z.number().nullable(),
      bias: z.number().nullable(),
    }),
  ),
});
export type AccuracyAnswer = z.infer<typeof AccuracyAnswer>;
