import { collectionsProjection } from './collections/collections.projection.js';
import { complaintsProjection } from './complaints/complaints.projection.js';
import { customerDirectoryProjection } from './customers/customer-directory.projection.js';
import { dailySalesProjection } from './kpi/daily-sales.projection.js';
import { fulfilmentProjection } from './kpi/fulfilment.projection.js';
import { receivablesKpiProjection } from './kpi/receivables-kpi.projection.js';
import { salesMonthlyProjection } from './kpi/sales-monthly.projection.js';
import { salesTargetsProjection } from './kpi/sales-targets.projection.js';
import type { Projection } from './model/projection.js';
import { lateAdjustmentsProjection } from './periods/late-adjustments.projection.js';
import { priceListsProjection } from './pricing/price-lists.projection.js';
import { promotionsProjection } from './pricing/promotions.projection.js';
import { productsProjection } from './pricing/products.projection.js';
import { satisfactionProjection } from './satisfaction/satisfaction.projection.js';
import { worklistsProjection } from './worklists/worklists.projection.js';
import { supervisionProjection } from './supervision/supervision.projection.js';
import { webhookSubscriptionsProjection } from './alerts/webhook-subscriptions.projection.js';
import { commissionsProjection } from './commissions/commissions.projection.js';
import { forecastBookingsProjection } from './forecast/forecast-bookings.projection.js';
import { submittedForecastsProjection } from './forecasts/submitted-forecasts.projection.js';
import { competitionsProjection } from './rankings/competitions.projection.js';
import { pipelineProjection } from './pipeline/pipeline.projection.js';
import { evaluationsProjection } from './evaluations/evaluations.projection.js';
import { surveyCampaignsProjection } from './surveys/survey-campaigns.projection.js';
import { marketProjection } from './market/market.projection.js';
import { improvementActionsProjection } from './actions/improvement-actions.projection.js';

/**
 * Every read model Salesbook keeps, in one list, so the API's runner, `salesbook replay` and
 * `salesbook verify` always rebuild and check the same set.
 */
export const allProjections: readonly Projection[] = [
  dailySalesProjection,
  salesTargetsProjection,
  salesMonthlyProjection,
  fulfilmentProjection,
  receivablesKpiProjection,
  collectionsProjection,
  customerDirectoryProjection,
  satisfactionProjection,
  complaintsProjection,
  worklistsProjection,
  lateAdjustmentsProjection,
  productsProjection,
  priceListsProjection,
  promotionsProjection,
  supervisionProjection,
  webhookSubscriptionsProjection,
  commissionsProjection,
  forecastBookingsProjection,
  submittedForecastsProjection,
  competitionsProjection,
  pipelineProjection,
  evaluationsProjection,
  surveyCampaignsProjection,
  marketProjection,
  improvementActionsProjection,
];
