import { Controller, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';
import { Input, type RouteInput } from '../http/input.js';
import { headerOf } from '../http/request.js';
import { Route } from '../http/route-spec.js';
import { agingReport, collectionsSummaryReport, overdueReport } from './collections.report.js';
import { complaintRowsReport } from './complaint-rows.report.js';
import { lateAdjustmentsReport } from './late-adjustments.report.js';
import { complaintsReport } from './complaints.report.js';
import { priceListsReport } from './price-lists.report.js';
import { productsReport } from './products.report.js';
import { promotionsReport } from './promotions.report.js';
import { marginsReport } from './margins.report.js';
import { priceRealisationReport } from './price-realisation.report.js';
import { competitorPricesReport, marketShareReport } from './market.report.js';
import { promotionEffectReport } from './promotion-effect.report.js';
import { forecastReport } from './forecast.report.js';
import { forecastAccuracyReport } from './forecast-accuracy.report.js';
import { repScorecardReport } from './rep-scorecard.report.js';
import type { ReportDefinition } from './report-definition.js';
import { RunReportQuery } from './reports.handlers.js';
import { dailySalesReport } from './sales-daily.report.js';
import { monthlySalesReport } from './sales-monthly.report.js';
import { salesOrdersReport } from './sales-orders.report.js';
import { satisfactionReport } from './satisfaction.report.js';
import { satisfactionAnswersReport } from './satisfaction-answers.report.js';
import { staleProfilesReport } from './stale-profiles.report.js';
import { supervisionReport } from './supervision.report.js';
import { alertsReport } from './alerts.report.js';
import { commissionLinesReport, commissionsReport } from './commissions.report.js';
import { rankingsReport } from './rankings.report.js';
import { forecastsReport } from './forecasts.report.js';
import { competitionsListReport, competitionStandingsReport } from '../competitions/competitions.report.js';
import { opportunitiesReport, pipelineReport } from './pipeline.report.js';
import { quotationsReport } from './quotations.report.js';
import { evaluationReport, evaluationsReport } from './evaluations.report.js';
import { campaignCoverageReport, surveyCampaignsListReport } from './survey-campaigns.report.js';
import { improvementActionsReport } from './improvement-actions.report.js';

/** Bodies smaller than this go out as they are: gzip would save little and cost a header's worth. */
const GZIP_FROM_BYTES = 1_024;

/**
 * `Cache-Control: no-cache` on a request (an end-to-end reload): compute the answer afresh. Other directives change
 * nothing: a reused answer is as current as a fresh one, since it is kept only while its read models are unchanged.
 */
const asksAfresh = (request: FastifyRequest): boolean =>
  /(?:^|,)\s*no-cache\s*(?:,|$)/i.test(headerOf(request, 'cache-control') ?? '');

/** Whether the client takes gzip over the body as it is (`Accept-Encoding`, with its q-values; none sent: no). */
const takesGzip = (request: FastifyRequest): boolean => {
  const accepted = headerOf(request, 'accept-encoding');
  return accepted !== undefined && negotiate(accepted, ['gzip', 'identity']) === 'gzip';
};

/**
 * Report routes: one method per report definition. The answer goes out as the JSON text the handler made (once per
 * change of the read models, see AnswerCache) with a weak ETag, so `If-None-Match` gets 304 while nothing changed.
 */
@Controller()
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  private async run(
    definition: ReportDefinition<never>,
    input: RouteInput,
    request: FastifyRequest,
    response: FastifyReply,
  ): Promise<void> {
    // Public routes have no actor; report routes never are public, so the guard has set it.
    if (input.actor === undefined) throw new Error(`${definition.route.path} ran without an actor`);
    const reply = await this.queries.execute(
      new RunReportQuery(
        definition as ReportDefinition,
        input.query,
        input.params,
        input.actor,
        input.minPosition,
        asksAfresh(request),
      ),
    );
    // Per reader (the token decides the rows), and to be checked again before each reuse.
    response.headers({
      'Content-Type': 'application/json; charset=utf-8',
      ETag: reply.etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Authorization, Accept-Encoding',
      'X-Report-Answer': reply.reused ? 'reused' : 'computed',
    });
    // The answer the client holds (If-None-Match) is still the answer: 304, no body.
    if (fresh(request.headers, { etag: reply.etag })) {
      await response.status(304).send();
      return;
    }
    // Reports run to hundreds of KB of JSON: gzip for clients that accept it (every browser), made once per answer.
    const gzip = reply.body.length >= GZIP_FROM_BYTES && takesGzip(request);
    if (gzip) response.header('Content-Encoding', 'gzip');
    await response.send(gzip ? reply.gzipped() : reply.body);
  }

  @Route(dailySalesReport.route) dailySales(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(dailySalesReport, input, request, response);
  }

  @Route(monthlySalesReport.route) monthlySales(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(monthlySalesReport, input, request, response);
  }

  @Route(repScorecardReport.route) repScorecard(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(repScorecardReport, input, request, response);
  }

  @Route(satisfactionReport.route) satisfaction(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(satisfactionReport, input, request, response);
  }

  @Route(complaintsReport.route) complaints(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(complaintsReport, input, request, response);
  }

  @Route(staleProfilesReport.route) staleProfiles(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(staleProfilesReport, input, request, response);
  }

  @Route(agingReport.route) aging(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(agingReport, input, request, response);
  }

  @Route(collectionsSummaryReport.route) collectionsSummary(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(collectionsSummaryReport, input, request, response);
  }

  @Route(overdueReport.route) overdue(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(overdueReport, input, request, response);
  }

  @Route(salesOrdersReport.route) salesOrders(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(salesOrdersReport, input, request, response);
  }

  @Route(complaintRowsReport.route) complaintRows(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(complaintRowsReport, input, request, response);
  }

  @Route(lateAdjustmentsReport.route) lateAdjustments(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(lateAdjustmentsReport, input, request, response);
  }

  @Route(productsReport.route) products(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(productsReport, input, request, response);
  }

  @Route(priceListsReport.route) priceLists(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(priceListsReport, input, request, response);
  }

  @Route(promotionsReport.route) promotions(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(promotionsReport, input, request, response);
  }

  @Route(forecastReport.route) forecast(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(forecastReport, input, request, response);
  }

  @Route(forecastAccuracyReport.route) forecastAccuracy(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(forecastAccuracyReport, input, request, response);
  }

  @Route(marginsReport.route) margins(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(marginsReport, input, request, response);
  }

  @Route(priceRealisationReport.route) priceRealisation(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(priceRealisationReport, input, request, response);
  }

  @Route(marketShareReport.route) marketShare(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(marketShareReport, input, request, response);
  }

  @Route(competitorPricesReport.route) competitorPrices(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(competitorPricesReport, input, request, response);
  }

  @Route(promotionEffectReport.route) promotionEffect(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(promotionEffectReport, input, request, response);
  }

  @Route(supervisionReport.route) supervision(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(supervisionReport, input, request, response);
  }

  @Route(alertsReport.route) alerts(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(alertsReport, input, request, response);
  }

  @Route(commissionsReport.route) commissions(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(commissionsReport, input, request, response);
  }

  @Route(commissionLinesReport.route) commissionLines(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(commissionLinesReport, input, request, response);
  }

  @Route(rankingsReport.route) rankings(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(rankingsReport, input, request, response);
  }

  @Route(forecastsReport.route) forecasts(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(forecastsReport, input, request, response);
  }

  @Route(competitionsListReport.route) competitions(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(competitionsListReport, input, request, response);
  }

  @Route(competitionStandingsReport.route) competitionStandings(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(competitionStandingsReport, input, request, response);
  }

  @Route(opportunitiesReport.route) opportunities(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(opportunitiesReport, input, request, response);
  }

  @Route(quotationsReport.route) quotations(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(quotationsReport, input, request, response);
  }

  @Route(pipelineReport.route) pipeline(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(pipelineReport, input, request, response);
  }

  @Route(evaluationsReport.route) evaluations(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(evaluationsReport, input, request, response);
  }

  @Route(evaluationReport.route) evaluation(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(evaluationReport, input, request, response);
  }

  @Route(surveyCampaignsListReport.route) surveyCampaigns(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(surveyCampaignsListReport, input, request, response);
  }

  @Route(campaignCoverageReport.route) campaignCoverage(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(campaignCoverageReport, input, request, response);
  }

  @Route(satisfactionAnswersReport.route) satisfactionAnswers(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(satisfactionAnswersReport, input, request, response);
  }

  @Route(improvementActionsReport.route) improvementActions(
    @Input() input: RouteInput,
    @Req() request: FastifyRequest,
    @Res() response: FastifyReply,
  ) {
    return this.run(improvementActionsReport, input, request, response);
  }
}
