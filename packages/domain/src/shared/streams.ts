import type {
  ActionId,
  ActorId,
  ComplaintId,
  OpportunityId,
  CustomerId,
  ObservationId,
  OrderId,
  PriceListId,
  PromotionId,
  ReceivableId,
  Sku,
  SubscriptionId,
  SurveyId,
} from './ids.js';

/** Stream categories: the part of a stream name before the first `-`. */
export const STREAM_CATEGORIES = [
  'customer',
  'order',
  'receivable',
  'complaint',
  'target',
  'team',
  'period',
  'report',
  'product',
  'pricelist',
  'promotion',
  'webhook',
  'commission',
  'statement',
  'competition',
  'forecast',
  'campaign',
  'evaluation',
  'opportunity',
  'market',
  'competitor',
  'action',
] as const;
/** One of {@link STREAM_CATEGORIES}. */
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** `customer-<id>` */
export const customerStream = (id: CustomerId): string => `customer-${id}`;
/** `order-<id>` */
export const orderStream = (id: OrderId): string => `order-${id}`;
/** `receivable-<id>` */
export const receivableStream = (id: ReceivableId): string => `receivable-${id}`;
/** `complaint-<id>` */
export const complaintStream = (id: ComplaintId): string => `complaint-${id}`;
/**
 * `target-<period>-<rep|region>-<id>` for a booked-sales target (as month targets always were), else
 * `target-<period>-<measure>-<rep|region>-<id>`: after the period comes a scope or a measure, never both.
 */
export const targetStream = (period: string, scope: 'rep' | 'region', id: string, measure = 'booked'): string =>
  measure === 'booked' ? `target-${period}-${scope}-${id}` : `target-${period}-${measure}-${scope}-${id}`;

/** `report-<YYYY-MM>-<region>`: a region's submitted monthly report. */
export const monthlyReportStream = (month: string, region: string): string => `report-${month}-${region}`;

/** The one stream of the period close: every month's closes and reopenings. */
export const PERIOD_STREAM = 'period-closes';
/** `product-<sku>` */
export const productStream = (sku: Sku): string => `product-${sku}`;

/** `pricelist-<id>` */
export const priceListStream = (id: PriceListId): string => `pricelist-${id}`;

/** `promotion-<id>` */
export const promotionStream = (id: PromotionId): string => `promotion-${id}`;
/** `webhook-<id>`: a webhook subscription. */
export const webhookStream = (id: SubscriptionId): string => `webhook-${id}`;

/** The one stream of the commission plans: every plan's versions, so a decision sees every plan's coverage. */
export const COMMISSION_PLAN_STREAM = 'commission-plans';

/** `statement-<YYYY-MM>`: a month's commission statement, once approved. */
export const commissionStatementStream = (month: string): string => `statement-${month}`;

/** `campaign-<id>`: a survey campaign and its invitations (the id is the survey id its answers carry). */
export const surveyCampaignStream = (id: SurveyId): string => `campaign-${id}`;

/** `forecast-<repId>`: a rep's submitted forecasts of every month, and the adjustments beside them. */
export const forecastStream = (repId: ActorId): string => `forecast-${repId}`;

/** `competition-<id>`: a sales competition. */
export const competitionStream = (id: string): string => `competition-${id}`;

/** `opportunity-<id>`: an opportunity and the quotations sent from it. */
export const opportunityStream = (id: OpportunityId): string => `opportunity-${id}`;

/** `action-<id>`: an improvement action turned from a finding. */
export const improvementActionStream = (id: ActionId): string => `action-${id}`;

/** `evaluation-<rep>-<YYYY-Qn>`: a rep's evaluation of a quarter. */
export const evaluationStream = (repId: string, quarter: string): string => `evaluation-${repId}-${quarter}`;

/**
 * `market-<region>-<segment>`: every market size estimate of a region and segment, all periods, superseded ones kept
 * (the segment never holds a dash, so the region is everything before the last one).
 */
export const marketStream = (region: string, segment: string): string => `market-${region}-${segment}`;

/** `competitor-<observationId>`: one competitor price observation. */
export const competitorStream = (id: ObservationId): string => `competitor-${id}`;

/** The one stream of the sales team register. */
export const TEAM_STREAM = 'team-register';

/** The category of a stream name, or `undefined` when it is none of ours. */
export const streamCategory = (streamName: string): StreamCategory | undefined => {
  const category = streamName.slice(0, streamName.indexOf('-'));
  return (STREAM_CATEGORIES as readonly string[]).includes(category) ? (category as StreamCategory) : undefined;
};

/** The id part of a stream name (everything after the category and its dash). */
export const streamId = (streamName: string): string => streamName.slice(streamName.indexOf('-') + 1);
