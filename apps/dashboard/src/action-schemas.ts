import { z } from 'zod';

// The parts of `GET /reports/improvement-actions` the actions panel reads; anything else in the answer is ignored.

/** `GET /reports/improvement-actions`: actions by department, overdue first, and the counts per department. */
export const ImprovementActions = z.object({
  position: z.string().nullable(),
  asOf: z.string(),
  rows: z.array(
    z.object({
      action_id: z.string(),
      department: z.string(),
      title: z.string(),
      status: z.string(),
      owner_id: z.string(),
      due_on: z.string(),
      overdue: z.boolean(),
      days_overdue: z.number(),
      finding: z.object({
        report: z.string(),
        metric: z.string(),
        rootCause: z.string().optional(),
        group: z.object({ by: z.string(), value: z.string() }).optional(),
        value: z.number(),
        previousValue: z.number().optional(),
      }),
      finding_link: z.string(),
    }),
  ),
  departments: z.array(
    z.object({
      department: z.string(),
      open: z.number(),
      in_progress: z.number(),
      done: z.number(),
      dropped: z.number(),
      overdue: z.number(),
    }),
  ),
});
export type ImprovementActions = z.infer<typeof ImprovementActions>;
/** One action of the report. */
export type ActionRow = ImprovementActions['rows'][number];

const ratio = z.number().nullable();

/** `GET /reports/satisfaction?groupBy=region`, the closed loop of each region's answers only. */
export const ClosedLoop = z.object({
  rows: z.array(
    z.object({
      group: z.string().nullable(),
      closedLoop: z.object({
        opened: z.number(),
        closed: z.number(),
        recovered: z.number(),
        open: z.number(),
        overdue: z.number(),
        rate: ratio,
        recoveryRate: ratio,
        meanHoursToClose: ratio,
      }),
    }),
  ),
});
export type ClosedLoop = z.infer<typeof ClosedLoop>;
