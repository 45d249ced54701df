import { z } from 'zod';
import { RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { YearMonth } from '../shared/time.js';

const Text = (name: string) =>
  z
    .string({ message: `${name} must be a text` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(4_000, `${name} must be at most 4000 characters`);

/** Which report: a region's month (stream `report-<month>-<region>`). */
const ReportKey = { month: YearMonth, region: RegionId };

/** A regional manager submits their region's report of a month, with a commentary; the figures come from the read models. */
export const SubmitMonthlyReport = z.object({ ...ReportKey, commentary: Text('commentary') }).strict();
export type SubmitMonthlyReport = z.infer<typeof SubmitMonthlyReport>;

/** A sales manager accepts the submitted report. */
export const AcceptMonthlyReport = z.object(ReportKey).strict();
export type AcceptMonthlyReport = z.infer<typeof AcceptMonthlyReport>;

/** A sales manager sends the submitted report back, saying why. */
export const ReturnMonthlyReport = z.object({ ...ReportKey, reason: Text('reason') }).strict();
export type ReturnMonthlyReport = z.infer<typeof ReturnMonthlyReport>;

/**
 * The figures of a submission as they stood: the report rows the API answered, as their JSON text (kept exactly as
 * reported, whatever shape the reports take later), and the log position they were read at. `plan` (the attainment
 * of the region's and its reps' targets) is absent from submissions made before it was kept.
 */
export const MonthlyReportFigures = z.object({
  sales: z.string(),
  collections: z.string(),
  plan: z.string().optional(),
  position: z
    .string()
    .regex(/^\d{1,40}$/)
    .nullable(),
});
export type MonthlyReportFigures = z.infer<typeof MonthlyReportFigures>;

/** SubmitMonthlyReport as a command, with the figures the handler read. */
export type SubmitMonthlyReportCommand = Command<'SubmitMonthlyReport', SubmitMonthlyReport> & {
  readonly inputs: { readonly figures: MonthlyReportFigures };
};
/** AcceptMonthlyReport as a command. */
export type AcceptMonthlyReportCommand = Command<'AcceptMonthlyReport', AcceptMonthlyReport>;
/** ReturnMonthlyReport as a command. */
export type ReturnMonthlyReportCommand = Command<'ReturnMonthlyReport', ReturnMonthlyReport>;

/** Every MonthlyReport command. */
export type MonthlyReportCommand = SubmitMonthlyReportCommand | AcceptMonthlyReportCommand | ReturnMonthlyReportCommand;

/** Schemas of the MonthlyReport commands' data, by command type (HTTP validation and OpenAPI). */
export const monthlyReportCommandSchemas = { SubmitMonthlyReport, AcceptMonthlyReport, ReturnMonthlyReport } as const;
