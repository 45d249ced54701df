import { z } from 'zod';

/** Report rows as the API answered them (JSON objects). */
export const ReportRows = z.array(z.record(z.string(), z.unknown()));

/** A region's report of a month: `none` (never submitted) or its latest submission and the decision on it. */
export const MonthlyReportRow = z.strictObject({
  region: z.string(),
  status: z.enum(['none', 'submitted', 'accepted', 'returned']),
  submission: z.number().int(),
  commentary: z.string().nullable(),
  figures: z
    .strictObject({ sales: ReportRows, collections: ReportRows, plan: ReportRows, position: z.string().nullable() })
    .nullable()
    .describe(
      "The monthly sales report and collections summary rows (by rep, in the region) and the plan attainment of the region's and its reps' targets as they stood at submission (plan empty for submissions made before it was kept), and the position they were read at",
    ),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type MonthlyReportRow = z.infer<typeof MonthlyReportRow>;

/** The answer of `GET /monthly-reports?month=`: one row per region in the reader's scope. */
export const MonthlyReportsAnswer = z.strictObject({ month: z.string(), reports: z.array(MonthlyReportRow) });
export type MonthlyReportsAnswer = z.infer<typeof MonthlyReportsAnswer>;
