import { z } from 'zod';
import { Department, ID_PATTERN, READ_ROLES } from '@salesbook/domain';
import { queryImprovementActions, type ImprovementActionReportRow } from '@salesbook/projections';
import { businessToday } from './business-clock.js';
import type { ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { DepartmentSummary, ImprovementActionAnswerRow } from './answers/action-rows.js';

/** `GET /reports/improvement-actions?department=&status=&region=` */
export const ImprovementActionsQuery = z
  .object({
    department: Department.optional(),
    status: z.enum(['open', 'in_progress', 'done', 'dropped']).optional(),
    region: z.string().regex(ID_PATTERN, 'must be a region id').optional(),
  })
  .strict();
export type ImprovementActionsQuery = z.infer<typeof ImprovementActionsQuery>;

type FindingAnswer = ImprovementActionAnswerRow['finding'];

/** The report request that shows a finding: its report over its months, grouped as the finding's group was. */
export function findingLink(finding: FindingAnswer): string {
  const query = new URLSearchParams({ from: finding.period.from, to: finding.period.to });
  if (finding.group !== undefined) query.set('groupBy', finding.group.by);
  return `/reports/${finding.report}?${query.toString()}`;
}

const answerRow = ({ finding, ...row }: ImprovementActionReportRow): ImprovementActionAnswerRow => {
  const parsed = ImprovementActionAnswerRow.shape.finding.parse(JSON.parse(finding));
  return ImprovementActionAnswerRow.parse({ ...row, finding: parsed, finding_link: findingLink(parsed) });
};

/** Counts per department, in the rows' order (departments sorted). */
function summarise(rows: readonly ImprovementActionAnswerRow[]): DepartmentSummary[] {
  const byDepartment = new Map<string, DepartmentSummary>();
  for (const row of rows) {
    const sums = byDepartment.get(row.department) ?? {
      department: row.department,
      open: 0,
      in_progress: 0,
      done: 0,
      dropped: 0,
      overdue: 0,
    };
    byDepartment.set(row.department, {
      ...sums,
      [row.status]: sums[row.status] + 1,
      overdue: sums.overdue + Number(row.overdue),
    });
  }
  return [...byDepartment.values()];
}

/** Improvement actions by department, overdue first, each linking back to its finding; scoped by role. */
export const improvementActionsReport: ReportDefinition<ImprovementActionsQuery, ImprovementActionAnswerRow> = {
  route: {
    method: 'GET',
    path: '/reports/improvement-actions',
    audience: READ_ROLES.improvementActions,
    summary:
      "Improvement actions by department, overdue ones first (open or in progress after their due date, in business dates), each with the finding it came from and a link to that report; a rep the actions they own, a regional manager their region's",
    tag: 'reports',
    query: ImprovementActionsQuery,
    status: 200,
    projection: 'improvement_actions',
    response: reportAnswer(ImprovementActionAnswerRow, {
      department: z.string().nullable(),
      status: z.string().nullable(),
      asOf: z.string().describe('The business date that decides what is overdue'),
      departments: z.array(DepartmentSummary),
    }),
  },
  authorize: (query, { actor }) => refuseForeignFilter({ region: query.region }, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = businessToday(now(), zone);
    const result = queryImprovementActions(db, lagOf, {
      today: asOf,
      scope: filteredScope(actor, { region: query.region }),
      ...(query.department === undefined ? {} : { department: query.department }),
      ...(query.status === undefined ? {} : { status: query.status }),
    });
    const rows = result.rows.map(answerRow);
    return {
      ...result,
      rows,
      department: query.department ?? null,
      status: query.status ?? null,
      asOf,
      departments: summarise(rows),
    };
  },
};
