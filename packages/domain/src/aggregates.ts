import { commissionPlanDecider, commissionPlanEventRegistry } from './commission/index.js';
import { complaintDecider, complaintEventRegistry } from './complaint/index.js';
import { customerDecider, customerEventRegistry } from './customer/index.js';
import { forecastDecider, forecastEventRegistry } from './forecast/index.js';
import { opportunityDecider, opportunityEventRegistry } from './opportunity/index.js';
import { improvementActionDecider, improvementActionEventRegistry } from './improvement-action/index.js';
import { evaluationDecider, evaluationEventRegistry } from './evaluation/index.js';
import { commissionStatementDecider, commissionStatementEventRegistry } from './commission-statement/index.js';
import { monthlyReportDecider, monthlyReportEventRegistry } from './monthly-report/index.js';
import { orderDecider, orderEventRegistry } from './order/index.js';
import { periodDecider, periodEventRegistry } from './period/index.js';
import { priceListDecider, priceListEventRegistry } from './pricelist/index.js';
import { productDecider, productEventRegistry } from './product/index.js';
import { promotionDecider, promotionEventRegistry } from './promotion/index.js';
import { receivableDecider, receivableEventRegistry } from './receivable/index.js';
import type { Decider } from './shared/decider.js';
import type { EventRegistry } from './shared/event-registry.js';
import type { Event } from './shared/message.js';
import type { StreamCategory } from './shared/streams.js';
import { targetDecider, targetEventRegistry } from './target/index.js';
import { teamDecider, teamEventRegistry } from './team/index.js';
import { surveyCampaignDecider, surveyCampaignEventRegistry } from './survey-campaign/index.js';
import { webhookDecider, webhookEventRegistry } from './webhook/index.js';
import { competitionDecider, competitionEventRegistry } from './competition/index.js';
import { marketDecider, marketEventRegistry } from './market/index.js';
import { competitorDecider, competitorEventRegistry } from './competitor/index.js';

/** What a caller does with one aggregate's decider and event registry, whatever its command, event and state types. */
export type AggregateUse<R> = <C, E extends Event, S>(decider: Decider<C, E, S>, registry: EventRegistry<E>) => R;

/**
 * One aggregate's decider and event registry, its own types kept: the caller passes what to do with them, typed
 * for any aggregate (so a table of every aggregate needs no cast to a common decider type).
 */
export type AggregateKit = <R>(use: AggregateUse<R>) => R;

const kit =
  <C, E extends Event, S>(decider: Decider<C, E, S>, registry: EventRegistry<E>): AggregateKit =>
  (use) =>
    use(decider, registry);

/**
 * Every aggregate by the category of its streams: how an auditor's tool or the CLI folds any stream of the store.
 *
 * @example
 * const loaded = AGGREGATES[streamCategory(name)]((decider, registry) => loadAggregate({ store, codec, decider, registry, streamName: name }));
 */
export const AGGREGATES: Readonly<Record<StreamCategory, AggregateKit>> = {
  customer: kit(customerDecider, customerEventRegistry),
  order: kit(orderDecider, orderEventRegistry),
  receivable: kit(receivableDecider, receivableEventRegistry),
  complaint: kit(complaintDecider, complaintEventRegistry),
  target: kit(targetDecider, targetEventRegistry),
  team: kit(teamDecider, teamEventRegistry),
  period: kit(periodDecider, periodEventRegistry),
  report: kit(monthlyReportDecider, monthlyReportEventRegistry),
  product: kit(productDecider, productEventRegistry),
  pricelist: kit(priceListDecider, priceListEventRegistry),
  promotion: kit(promotionDecider, promotionEventRegistry),
  webhook: kit(webhookDecider, webhookEventRegistry),
  commission: kit(commissionPlanDecider, commissionPlanEventRegistry),
  statement: kit(commissionStatementDecider, commissionStatementEventRegistry),
  campaign: kit(surveyCampaignDecider, surveyCampaignEventRegistry),
  forecast: kit(forecastDecider, forecastEventRegistry),
  competition: kit(competitionDecider, competitionEventRegistry),
  opportunity: kit(opportunityDecider, opportunityEventRegistry),
  evaluation: kit(evaluationDecider, evaluationEventRegistry),
  market: kit(marketDecider, marketEventRegistry),
  competitor: kit(competitorDecider, competitorEventRegistry),
  action: kit(improvementActionDecider, improvementActionEventRegistry),
};
