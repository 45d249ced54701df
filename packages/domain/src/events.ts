import { complaintEventDefinitions, type ComplaintEvent } from './complaint/events.js';
import { customerEventDefinitions, type CustomerEvent } from './customer/events.js';
import { improvementActionEventDefinitions, type ImprovementActionEvent } from './improvement-action/events.js';
import { evaluationEventDefinitions, type EvaluationEvent } from './evaluation/events.js';
import { priceListEventDefinitions, type PriceListEvent } from './pricelist/events.js';
import { promotionEventDefinitions, type PromotionEvent } from './promotion/events.js';
import { productEventDefinitions, type ProductEvent } from './product/events.js';
import { orderEventDefinitions, type OrderEvent } from './order/events.js';
import { receivableEventDefinitions, type ReceivableEvent } from './receivable/events.js';
import { createEventRegistry, type EventDefinition } from './shared/event-registry.js';
import { targetEventDefinitions, type TargetEvent } from './target/events.js';
import { commissionStatementEventDefinitions, type CommissionStatementEvent } from './commission-statement/events.js';
import { monthlyReportEventDefinitions, type MonthlyReportEvent } from './monthly-report/events.js';
import { periodEventDefinitions, type PeriodEvent } from './period/events.js';
import { teamEventDefinitions, type TeamEvent } from './team/events.js';
import { webhookEventDefinitions, type WebhookEvent } from './webhook/events.js';
import { competitionEventDefinitions, type CompetitionEvent } from './competition/events.js';
import { commissionPlanEventDefinitions, type CommissionPlanEvent } from './commission/events.js';
import { surveyCampaignEventDefinitions, type SurveyCampaignEvent } from './survey-campaign/events.js';
import { forecastEventDefinitions, type ForecastEvent } from './forecast/events.js';
import { opportunityEventDefinitions, type OpportunityEvent } from './opportunity/events.js';
import { marketEventDefinitions, type MarketEvent } from './market/events.js';
import { competitorEventDefinitions, type CompetitorEvent } from './competitor/events.js';

/** Every event Salesbook writes, of every aggregate. */
export type SalesbookEvent =
  | CustomerEvent
  | OrderEvent
  | ReceivableEvent
  | ComplaintEvent
  | TargetEvent
  | TeamEvent
  | PeriodEvent
  | MonthlyReportEvent
  | ProductEvent
  | PriceListEvent
  | PromotionEvent
  | WebhookEvent
  | CommissionPlanEvent
  | CommissionStatementEvent
  | CompetitionEvent
  | ForecastEvent
  | SurveyCampaignEvent
  | EvaluationEvent
  | OpportunityEvent
  | MarketEvent
  | CompetitorEvent
  | ImprovementActionEvent;

/** The schema and current version of every event type; type names are unique across the store. */
export const salesbookEventDefinitions: readonly EventDefinition<SalesbookEvent>[] = [
  ...customerEventDefinitions,
  ...orderEventDefinitions,
  ...receivableEventDefinitions,
  ...complaintEventDefinitions,
  ...targetEventDefinitions,
  ...teamEventDefinitions,
  ...periodEventDefinitions,
  ...monthlyReportEventDefinitions,
  ...commissionStatementEventDefinitions,
  ...productEventDefinitions,
  ...priceListEventDefinitions,
  ...promotionEventDefinitions,
  ...webhookEventDefinitions,
  ...commissionPlanEventDefinitions,
  ...surveyCampaignEventDefinitions,
  ...forecastEventDefinitions,
  ...competitionEventDefinitions,
  ...opportunityEventDefinitions,
  ...evaluationEventDefinitions,
  ...marketEventDefinitions,
  ...competitorEventDefinitions,
  ...improvementActionEventDefinitions,
];

/**
 * Reads stored events of every type and version as current events (upcasting older versions) and
 * says which version new events are written with. Stores and projections decode through it.
 */
export const salesbookEventRegistry = createEventRegistry(salesbookEventDefinitions);
