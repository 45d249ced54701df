import {
  complaintCommandSchemas,
  complaintDecider,
  complaintEventRegistry,
  customerCommandSchemas,
  customerDecider,
  customerEventRegistry,
  domainError,
  forecastCommandSchemas,
  forecastDecider,
  forecastEventRegistry,
  orderCommandSchemas,
  orderDecider,
  orderEventRegistry,
  priceListCommandSchemas,
  priceListDecider,
  priceListEventRegistry,
  productCommandSchemas,
  productDecider,
  productEventRegistry,
  promotionCommandSchemas,
  promotionDecider,
  improvementActionCommandSchemas,
  improvementActionDecider,
  improvementActionEventRegistry,
  surveyCampaignCommandSchemas,
  surveyCampaignDecider,
  surveyCampaignEventRegistry,
  promotionEventRegistry,
  marketCommandSchemas,
  opportunityCommandSchemas,
  opportunityDecider,
  opportunityEventRegistry,
  marketDecider,
  marketEventRegistry,
  competitorCommandSchemas,
  competitorDecider,
  competitorEventRegistry,
  receivableCommandSchemas,
  receivableDecider,
  receivableEventRegistry,
  targetCommandSchemas,
  targetDecider,
  targetEventRegistry,
  teamCommandSchemas,
  teamDecider,
  teamEventRegistry,
  type Decider,
  type DomainError,
  type Event,
  type EventRegistry,
  type WithAccess,
} from '@salesbook/domain';
import { handleCommand, type CommandResult, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { left, type Either } from 'fp-ts/lib/Either.js';
import type { AggregateKind, GeneratedCommand, SalesbookCommand } from './activity.js';

type AnyCommand = WithAccess<SalesbookCommand>;

/** What {@link handleGenerated} appends to and encodes with. */
export interface HandleGeneratedOptions {
  readonly store: EventStore;
  readonly codec: EventCodec;
}

type Handler = (
  generated: GeneratedCommand,
  options: HandleGeneratedOptions,
) => Promise<Either<DomainError, CommandResult<Event>>>;

/** A handler for one aggregate: its decider, its events, and the command types it owns (checked, not assumed). */
function handlerOf<K extends string, E extends Event, S>(
  schemas: Readonly<Record<K, unknown>>,
  decider: Decider<Extract<AnyCommand, { readonly type: K }>, E, S>,
  registry: EventRegistry<E>,
): Handler {
  const owns = (command: AnyCommand): command is Extract<AnyCommand, { readonly type: K }> =>
    Object.hasOwn(schemas, command.type);
  return async (generated, options) => {
    const { command, streamName, commandId, correlationId, causationId } = generated;
    if (!owns(command))
      return left(domainError('GENERATOR_WRONG_AGGREGATE', `${command.type} is not a ${generated.aggregate} command`));
    return handleCommand({ ...options, decider, registry, streamName, command, commandId, correlationId, causationId });
  };
}

const HANDLERS: Readonly<Record<AggregateKind, Handler>> = {
  customer: handlerOf(customerCommandSchemas, customerDecider, customerEventRegistry),
  order: handlerOf(orderCommandSchemas, orderDecider, orderEventRegistry),
  receivable: handlerOf(receivableCommandSchemas, receivableDecider, receivableEventRegistry),
  complaint: handlerOf(complaintCommandSchemas, complaintDecider, complaintEventRegistry),
  target: handlerOf(targetCommandSchemas, targetDecider, targetEventRegistry),
  team: handlerOf(teamCommandSchemas, teamDecider, teamEventRegistry),
  product: handlerOf(productCommandSchemas, productDecider, productEventRegistry),
  pricelist: handlerOf(priceListCommandSchemas, priceListDecider, priceListEventRegistry),
  promotion: handlerOf(promotionCommandSchemas, promotionDecider, promotionEventRegistry),
  forecast: handlerOf(forecastCommandSchemas, forecastDecider, forecastEventRegistry),
  market: handlerOf(marketCommandSchemas, marketDecider, marketEventRegistry),
  competitor: handlerOf(competitorCommandSchemas, competitorDecider, competitorEventRegistry),
  action: handlerOf(improvementActionCommandSchemas, improvementActionDecider, improvementActionEventRegistry),
  campaign: handlerOf(surveyCampaignCommandSchemas, surveyCampaignDecider, surveyCampaignEventRegistry),
  opportunity: handlerOf(opportunityCommandSchemas, opportunityDecider, opportunityEventRegistry),
};

/**
 * Handles a generated command through `handleCommand` with its aggregate's own decider and events, as the API
 * would; a command of another aggregate than the one it names is refused (`GENERATOR_WRONG_AGGREGATE`).
 */
export const handleGenerated = (
  generated: GeneratedCommand,
  options: HandleGeneratedOptions,
): Promise<Either<DomainError, CommandResult<Event>>> => HANDLERS[generated.aggregate](generated, options);
