import { z } from 'zod';

/** Rows of a report as the API answered them (JSON objects): the scorecard rows an evaluation froze. */
const AnsweredRows = z.array(z.record(z.string(), z.unknown()));

/** A rep's evaluation of a quarter as it stands. */
export const EvaluationAnswerRow = z.strictObject({
  rep_id: z.string(),
  quarter: z.string().describe('YYYY-Qn'),
  region: z.string().describe("The rep's region when the evaluation was opened"),
  status: z.enum(['open', 'finalised', 'acknowledged']),
  rating: z
    .number()
    .int()
    .nullable()
    .describe(
      '1 unsatisfactory, 2 needs improvement, 3 meets expectations, 4 exceeds expectations, 5 outstanding; null before the assessment',
    ),
  strengths: z.string().nullable(),
  comments: z.string().nullable(),
  actions: z
    .array(z.strictObject({ action: z.string(), dueOn: z.string() }))
    .describe('Improvement actions and their due dates'),
  outcomes: z
    .array(
      z.strictObject({
        kind: z.enum(['bonus', 'recognition', 'coaching', 'warning']),
        note: z.string(),
        amount: z.number().int().optional().describe('Bonus, minor units'),
        currency: z.string().optional(),
      }),
    )
    .describe('Rewards or penalties decided'),
  snapshot: z
    .strictObject({
      scorecards: z.array(z.strictObject({ month: z.string(), rows: AnsweredRows })),
      position: z.string().nullable(),
    })
    .describe(
      "The rep's scorecard of each month of the quarter as the evaluating manager read it, and the position it was read at",
    ),
  opened_by: z.string(),
  opened_at: z.string(),
  assessed_by: z.string().nullable(),
  assessed_at: z.string().nullable(),
  finalised_by: z.string().nullable(),
  finalised_at: z.string().nullable(),
  acknowledged_at: z.string().nullable(),
  acknowledgement: z.string().nullable().describe("The rep's comment on acknowledging"),
});
export type EvaluationAnswerRow = z.infer<typeof EvaluationAnswerRow>;
