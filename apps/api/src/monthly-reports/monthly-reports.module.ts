import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { MonthlyReportsController } from './monthly-reports.controller.js';
import { MonthlyReportCommandHandler } from './monthly-reports.handlers.js';
import { ReportFigures } from './report-figures.js';

/** Submitted monthly reports: a region's figures kept as they stood, with the regional manager's commentary. */
@Module({
  controllers: [MonthlyReportsController],
  providers: [CommandGateway, MonthlyReportCommandHandler, ReportFigures],
})
export class MonthlyReportsModule {}
