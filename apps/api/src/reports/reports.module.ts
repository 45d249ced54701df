import { Module } from '@nestjs/common';
import type { ApiConfig } from '../config/config.js';
import type { RouteSpec } from '../http/route-spec.js';
import { API_CONFIG } from '../infrastructure/tokens.js';
import { AnswerCache } from './answer-cache.js';
import { ReportsController } from './reports.controller.js';
import { RunReportHandler } from './reports.handlers.js';
import { agingReport, collectionsSummaryReport, overdueReport } from './collections.report.js';
import { complaintRowsReport } from './complaint-rows.report.js';
import { complaintsReport } from './complaints.report.js';
import { lateAdjustmentsReport } from './late-adjustments.report.js';
import { priceListsReport } from './price-lists.report.js';
import { productsReport } from './products.report.js';
import { promotionsReport } from './promotions.report.js';
import { marginsReport } from './margins.report.js';
import { priceRealisationReport } from './price-realisation.report.js';
import { promotionEffectReport } from './promotion-effect.report.js';
import { repScorecardReport } from './rep-scorecard.report.js';
import { dailySalesReport } from './sales-daily.report.js';
import { monthlySalesReport } from './sales-monthly.report.js';
import { salesOrdersReport } from './sales-orders.report.js';
import { satisfactionReport } from './satisfaction.report.js';
import { satisfactionAnswersReport } from './satisfaction-answers.report.js';
import { staleProfilesReport } from './stale-profiles.report.js';
import { supervisionReport } from './supervision.report.js';
import { alertsReport } from './alerts.report.js';
import { commissionLinesReport, commissionsReport } from './commissions.report.js';
import { forecastReport } from './forecast.report.js';
import { forecastAccuracyReport } from './forecast-accuracy.report.js';
import { rankingsReport } from './rankings.report.js';
import { forecastsReport } from './forecasts.report.js';
import { competitionsListReport, competitionStandingsReport } from '../competitions/competitions.report.js';
import { opportunitiesReport, pipelineReport } from './pipeline.report.js';
import { quotationsReport } from './quotations.report.js';
import { evaluationReport, evaluationsReport } from './evaluations.report.js';
import { campaignCoverageReport, surveyCampaignsListReport } from './survey-campaigns.report.js';
import { competitorPricesReport, marketShareReport } from './market.report.js';
import { improvementActionsReport } from './improvement-actions.report.js';

/** The report routes, for the OpenAPI document. */
export const reportRoutes: Record<string, RouteSpec> = {
  dailySales: dailySalesReport.route,
  monthlySales: monthlySalesReport.route,
  repScorecard: repScorecardReport.route,
  satisfaction: satisfactionReport.route,
  satisfactionAnswers: satisfactionAnswersReport.route,
  complaints: complaintsReport.route,
  staleProfiles: staleProfilesReport.route,
  aging: agingReport.route,
  collectionsSummary: collectionsSummaryReport.route,
  overdue: overdueReport.route,
  salesOrders: salesOrdersReport.route,
  complaintRows: complaintRowsReport.route,
  lateAdjustments: lateAdjustmentsReport.route,
  products: productsReport.route,
  priceLists: priceListsReport.route,
  promotions: promotionsReport.route,
  margins: marginsReport.route,
  priceRealisation: priceRealisationReport.route,
  promotionEffect: promotionEffectReport.route,
  supervision: supervisionReport.route,
  alerts: alertsReport.route,
  commissions: commissionsReport.route,
  commissionLines: commissionLinesReport.route,
  forecast: forecastReport.route,
  forecastAccuracy: forecastAccuracyReport.route,
  rankings: rankingsReport.route,
  forecasts: forecastsReport.route,
  competitions: competitionsListReport.route,
  competitionStandings: competitionStandingsReport.route,
  opportunities: opportunitiesReport.route,
  quotations: quotationsReport.route,
  pipeline: pipelineReport.route,
  evaluations: evaluationsReport.route,
  evaluation: evaluationReport.route,
  surveyCampaigns: surveyCampaignsListReport.route,
  campaignCoverage: campaignCoverageReport.route,
  marketShare: marketShareReport.route,
  competitorPrices: competitorPricesReport.route,
  improvementActions: improvementActionsReport.route,
};

/** Reports: read models queried through the QueryBus, with X-Min-Position. */
@Module({
  controllers: [ReportsController],
  providers: [
    RunReportHandler,
    {
      provide: AnswerCache,
      useFactory: (config: ApiConfig) => new AnswerCache(config.reportCacheBytes),
      inject: [API_CONFIG],
    },
  ],
})
export class ReportsModule {}
