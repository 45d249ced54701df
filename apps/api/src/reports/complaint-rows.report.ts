import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { complaintFigures, readReport, type ComplaintClosing, type ComplaintFactsRow } from '@salesbook/projections';
import { periodAsOf, periodIsOver } from './business-clock.js';
import { periodDays, periodQuery, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { ComplaintListRowSchema } from './answers/other-rows.js';

/** `GET /reports/complaints/rows?from=&to=&category=&region=&rep=`. */
export const ComplaintRowsQuery = periodQuery({
  category: z
    .string()
    .regex(/^[a-z_]{1,40}$/, 'must be a category')
    .optional(),
  ...ScopeFilter,
});
export type ComplaintRowsQuery = z.infer<typeof ComplaintRowsQuery>;

/** One complaint with its SLA breaches as of the report's `asOf` (no description or other personal data). */
/** A complaint of the list: see the row schema. */
export type ComplaintListRow = z.infer<typeof ComplaintListRowSchema>;

const toRow = (fact: ComplaintFactsRow, asOf: string): ComplaintListRow => {
  // The breaches of one complaint are the complaints report's own figures over that complaint alone.
  const figures = complaintFigures(
    [{ ...fact, timeline: JSON.parse(fact.timeline), closings: JSON.parse(fact.closings) as ComplaintClosing[] }],
    asOf,
  );
  return {
    complaint_id: fact.complaint_id,
    customer_id: fact.customer_id,
    order_id: fact.order_id,
    filed_on: fact.filed_on,
    channel: fact.channel,
    category: fact.category,
    severity: fact.severity,
    rep_id: fact.owner_rep_id,
    region: fact.region,
    acknowledge_breached: figures.acknowledge.breached > 0,
    resolve_breached: figures.resolve.breached > 0,
  };
};

/**
 * The complaints filed in a period (the rows behind a complaints report bar), as of the same `asOf` as the complaints
 * report: `{ from, to, asOf, rows, position, lag, stale }`, from the `complaint_facts` read model, role-scoped.
 */
export const complaintRowsReport: ReportDefinition<ComplaintRowsQuery, ComplaintListRow> = {
  route: {
    method: 'GET',
    path: '/reports/complaints/rows',
    audience: READ_ROLES.reports,
    summary:
      'The complaints filed in a period with classification, attribution and SLA breaches as of the end of the period (the rows behind the complaints report)',
    tag: 'reports',
    query: ComplaintRowsQuery,
    status: 200,
    projection: 'complaints',
    response: reportAnswer(ComplaintListRowSchema, { from: z.string(), to: z.string(), asOf: z.string() }),
  },
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  // Measured up to now while the period is not over: such an answer is never reused.
  reusable: (query, { zone, now }) => periodIsOver(periodDays(query.from, query.to).last, now(), zone),
  run(query, { db, lagOf, actor, zone, now }) {
    const { first, last } = periodDays(query.from, query.to);
    const asOf = periodAsOf(last, now(), zone);
    const scope = filteredScope(actor, query);
    const sql = `SELECT * FROM complaint_facts WHERE filed_on BETWEEN @first AND @last AND (@category IS NULL OR category = @category)
      AND (@repId IS NULL OR owner_rep_id = @repId) AND (@region IS NULL OR region = @region) ORDER BY filed_at, complaint_id`;
    const params = {
      first,
      last,
      category: query.category ?? null,
      repId: scope.repId ?? null,
      region: scope.region ?? null,
    };
    const result = readReport(db, 'complaints', lagOf, () =>
      (db.prepare(sql).all(params) as ComplaintFactsRow[]).map((fact) => toRow(fact, asOf)),
    );
    return { ...result, from: query.from, to: query.to, asOf };
  },
};
