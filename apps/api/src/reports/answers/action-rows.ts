import { z } from 'zod';

/** The finding an action came from, as it was opened (see the domain's `Finding`). */
const FindingAnswer = z
  .strictObject({
    report: z.enum(['satisfaction', 'complaints']),
    metric: z.string(),
    rootCause: z.string().optional(),
    group: z.strictObject({ by: z.string(), value: z.string() }).optional(),
    period: z.strictObject({ from: z.string(), to: z.string() }),
    value: z.number(),
    previousValue: z.number().optional(),
  })
  .describe('The figure the action came from: report, metric, group, months, value and the value it was compared with');

/** One improvement action as it stands, with whether it is overdue and the report request its finding came from. */
export const ImprovementActionAnswerRow = z.strictObject({
  action_id: z.string(),
  region: z.string().nullable().describe("null: the whole company's action"),
  department: z.enum(['product', 'delivery', 'billing', 'service', 'sales']),
  owner_id: z.string(),
  title: z.string(),
  finding: FindingAnswer,
  finding_link: z.string().describe('The report request that shows the finding (path and query)'),
  status: z.enum(['open', 'in_progress', 'done', 'dropped']),
  due_on: z.string(),
  overdue: z.boolean().describe('Open or in progress after its due date (business dates)'),
  days_overdue: z.number().int().min(0),
  opened_by: z.string(),
  opened_at: z.string(),
  changed_at: z.string().nullable(),
  changed_by: z.string().nullable(),
  note: z.string().nullable().describe('The note of the last status change'),
});
export type ImprovementActionAnswerRow = z.infer<typeof ImprovementActionAnswerRow>;

/** Per department: how many actions stand in each status, and how many of them are overdue. */
export const DepartmentSummary = z.strictObject({
  department: z.string(),
  open: z.number().int(),
  in_progress: z.number().int(),
  done: z.number().int(),
  dropped: z.number().int(),
  overdue: z.number().int(),
});
export type DepartmentSummary = z.infer<typeof DepartmentSummary>;
