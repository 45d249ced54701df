import { z } from 'zod';
import type { LeagueTableRow } from '@salesbook/projections';
import { maybeNumber } from './report-answer.js';

/** One rep's line of a league table (also a competition's standings). */
export const LeagueTableRowSchema = z.strictObject({
  rank: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('Competition rank within the currency (1, 1, 3); null when the rep has no value'),
  tied: z.boolean().describe('Another rep of the same currency has the same value, hence the same rank'),
  rep_id: z.string(),
  currency: z.string().nullable().describe('Money metrics rank within each currency; CSAT has none'),
  value: maybeNumber.describe('The metric: a ratio (4 decimals) or collected sales in minor units'),
  booked: z.number().int().describe('Booked sales of the months that had a target'),
  target: z.number().int().nullable().describe('Sum of those months’ targets; null when no month had one'),
  collected: z.number().int(),
  collected_on_due: z.number().int(),
  due: z.number().int(),
  satisfied: z.number().int(),
  responses: z.number().int(),
}) satisfies z.ZodType<LeagueTableRow>;
