import { Module } from '@nestjs/common';
import { allProjections, type Projection } from '@salesbook/projections';
import type { RouteSpec } from '../http/route-spec.js';
import { ReportsController } from './reports.controller.js';
import { RunReportHandler } from './reports.handlers.js';
import { dailySalesReport } from './sales-daily.report.js';

/** The projections the runner keeps: every read model, the same list `salesbook replay` and `verify` use. */
export const PROJECTIONS: readonly Projection[] = allProjections;

/** The report routes, for the OpenAPI document. */
export const reportRoutes: Record<string, RouteSpec> = { dailySales: dailySalesReport.route };

/** Reports: read models queried through the QueryBus, with X-Min-Position. */
@Module({ controllers: [ReportsController], providers: [RunReportHandler] })
export class ReportsModule {}
