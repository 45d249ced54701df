import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Input, type RouteInput } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { agingReport, collectionsSummaryReport, overdueReport } from './collections.report.js';
import { complaintRowsReport } from './complaint-rows.report.js';
import { complaintsReport } from './complaints.report.js';
import { repScorecardReport } from './rep-scorecard.report.js';
import type { ReportDefinition } from './report-definition.js';
import { RunReportQuery, type ReportAnswer } from './reports.handlers.js';
import { dailySalesReport } from './sales-daily.report.js';
import { monthlySalesReport } from './sales-monthly.report.js';
import { salesOrdersReport } from './sales-orders.report.js';
import { satisfactionReport } from './satisfaction.report.js';
import { staleProfilesReport } from './stale-profiles.report.js';

/** Report routes: one method per report definition. */
@Controller()
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  private run(definition: ReportDefinition<never>, input: RouteInput): Promise<ReportAnswer> {
    // Public routes have no actor; report routes never are public, so the guard has set it.
    if (input.actor === undefined) throw new Error(`${definition.route.path} ran without an actor`);
    return this.queries.execute(new RunReportQuery(definition as ReportDefinition, input.query, input.params, input.actor, input.minPosition));
  }

  @Route(dailySalesReport.route) dailySales(@Input() input: RouteInput) {
    return this.run(dailySalesReport, input);
  }

  @Route(monthlySalesReport.route) monthlySales(@Input() input: RouteInput) {
    return this.run(monthlySalesReport, input);
  }

  @Route(repScorecardReport.route) repScorecard(@Input() input: RouteInput) {
    return this.run(repScorecardReport, input);
  }

  @Route(satisfactionReport.route) satisfaction(@Input() input: RouteInput) {
    return this.run(satisfactionReport, input);
  }

  @Route(complaintsReport.route) complaints(@Input() input: RouteInput) {
    return this.run(complaintsReport, input);
  }

  @Route(staleProfilesReport.route) staleProfiles(@Input() input: RouteInput) {
    return this.run(staleProfilesReport, input);
  }

  @Route(agingReport.route) aging(@Input() input: RouteInput) {
    return this.run(agingReport, input);
  }

  @Route(collectionsSummaryReport.route) collectionsSummary(@Input() input: RouteInput) {
    return this.run(collectionsSummaryReport, input);
  }

  @Route(overdueReport.route) overdue(@Input() input: RouteInput) {
    return this.run(overdueReport, input);
  }

  @Route(salesOrdersReport.route) salesOrders(@Input() input: RouteInput) {
    return this.run(salesOrdersReport, input);
  }

  @Route(complaintRowsReport.route) complaintRows(@Input() input: RouteInput) {
    return this.run(complaintRowsReport, input);
  }
}
