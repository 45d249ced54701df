import { Module } from '@nestjs/common';
import { dailySalesProjection, type Projection } from '@salesbook/projections';
import type { RouteSpec } from '../http/route-spec.js';
import { ReportsController } from './reports.controller.js';
import { RunReportHandler } from './reports.handlers.js';
import { dailySalesReport } from './sales-daily.report.js';

/** The projections the runner keeps, for the reports below. */
export const PROJECTIONS: readonly Projection[] = [dailySalesProjection];

/** The report routes, for the OpenAPI document. */
export const reportRoutes: Record<string, RouteSpec> = { dailySales: dailySalesReport.route };

/** Reports: read models queried through the QueryBus, with X-Min-Position. */
@Module({ controllers: [ReportsController], providers: [RunReportHandler] })
export class ReportsModule {}
