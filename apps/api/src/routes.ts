import { auditRoutes } from './audit/audit.routes.js';
import { complaintRoutes } from './complaints/complaints.routes.js';
import { customerRoutes } from './customers/customers.routes.js';
import type { RouteSpec } from './http/route-spec.js';
import { operationRoutes } from './operations/operations.routes.js';
import { monthlyReportRoutes } from './monthly-reports/monthly-reports.routes.js';
import { periodRoutes } from './periods/periods.routes.js';
import { orderRoutes } from './orders/orders.routes.js';
import { priceListRoutes } from './pricelists/pricelists.routes.js';
import { promotionRoutes } from './promotions/promotions.routes.js';
import { productRoutes } from './products/products.routes.js';
import { receivableRoutes } from './receivables/receivables.routes.js';
import { reportRoutes } from './reports/reports.module.js';
import { targetRoutes } from './targets/targets.routes.js';
import { teamRoutes } from './team/team.routes.js';
import { worklistRoutes } from './worklists/worklists.module.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';
import { commissionPlanRoutes } from './commissions/commission-plans.routes.js';
import { commissionStatementRoutes } from './commissions/commission-statements.routes.js';
import { evaluationRoutes } from './evaluations/evaluations.routes.js';
import { surveyCampaignReadRoutes } from './surveys/survey-campaign-reads.js';
import { improvementActionRoutes } from './actions/improvement-actions.routes.js';
import { surveyCampaignRoutes } from './surveys/survey-campaigns.routes.js';
import { forecastRoutes } from './forecasts/forecasts.routes.js';
import { competitionRoutes } from './competitions/competitions.routes.js';
import { opportunityRoutes } from './opportunities/opportunities.routes.js';
import { marketRoutes } from './market/market.routes.js';

/** The whole route table, in document order: each area's rows. */
export const ROUTES: readonly RouteSpec[] = [
  customerRoutes,
  orderRoutes,
  receivableRoutes,
  complaintRoutes,
  targetRoutes,
  teamRoutes,
  periodRoutes,
  monthlyReportRoutes,
  productRoutes,
  priceListRoutes,
  promotionRoutes,
  surveyCampaignRoutes,
  surveyCampaignReadRoutes,
  commissionPlanRoutes,
  commissionStatementRoutes,
  forecastRoutes,
  reportRoutes,
  worklistRoutes,
  webhookRoutes,
  auditRoutes,
  competitionRoutes,
  opportunityRoutes,
  evaluationRoutes,
  marketRoutes,
  improvementActionRoutes,
  operationRoutes,
].flatMap((table): RouteSpec[] => Object.values(table));
