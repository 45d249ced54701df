import { z } from 'zod';

// The parts of the league table answer the page reads; anything else in an answer is ignored.

/** `GET /reports/rankings`: ranked reps (per currency), ties stated. */
export const LeagueTable = z.object({
  position: z.string().nullable(),
  scope: z.string(),
  months: z.array(z.string()),
  rows: z.array(
    z.object({
      rank: z.number().nullable(),
      tied: z.boolean(),
      rep_id: z.string(),
      currency: z.string().nullable(),
      value: z.number().nullable(),
    }),
  ),
});
export type LeagueTable = z.infer<typeof LeagueTable>;
