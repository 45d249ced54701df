import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Input, type RouteInput } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import type { ReportDefinition } from './report-definition.js';
import { RunReportQuery, type ReportAnswer } from './reports.handlers.js';
import { dailySalesReport } from './sales-daily.report.js';

/** Report routes: one method per report definition. */
@Controller()
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  private run(definition: ReportDefinition<never>, input: RouteInput): Promise<ReportAnswer> {
    // Public routes have no actor; report routes never are public, so the guard has set it.
    if (input.actor === undefined) throw new Error(`${definition.route.path} ran without an actor`);
    return this.queries.execute(new RunReportQuery(definition as ReportDefinition, input.query, input.actor, input.minPosition));
  }

  @Route(dailySalesReport.route) dailySales(@Input() input: RouteInput) {
    return this.run(dailySalesReport, input);
  }
}
