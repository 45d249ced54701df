import { z } from 'zod';
import { monthlyReportCommandSchemas as schemas, READ_ROLES, YearMonth } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';
import type { RouteSpec } from '../http/route-spec.js';
import { MonthlyReportsAnswer } from './monthly-reports.answers.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) => commandRoute({ path, type, schema, summary, tag: 'monthly-reports', aggregate: 'monthly-report' });

/** Submitted monthly reports (stream `report-<month>-<region>`): regional managers submit, sales managers accept or return. */
export const monthlyReportRoutes = {
  submit: route(
    '/monthly-reports',
    'SubmitMonthlyReport',
    schemas.SubmitMonthlyReport,
    "Submit the region's monthly report with a commentary (its regional manager): the figures are kept as they stand, with their position",
  ),
  accept: route(
    '/monthly-reports/acceptance',
    'AcceptMonthlyReport',
    schemas.AcceptMonthlyReport,
    'Accept the submitted report (sales manager)',
  ),
  return: route(
    '/monthly-reports/return',
    'ReturnMonthlyReport',
    schemas.ReturnMonthlyReport,
    'Send the submitted report back with the reason (sales manager)',
  ),
  list: {
    method: 'GET',
    path: '/monthly-reports',
    audience: READ_ROLES.monthlyReports,
    summary:
      "Each region's report of a month: status, commentary and the figures as submitted (a regional manager their region)",
    tag: 'monthly-reports',
    query: z.object({ month: YearMonth }).strict(),
    response: MonthlyReportsAnswer,
    status: 200,
  } satisfies RouteSpec,
} as const;
