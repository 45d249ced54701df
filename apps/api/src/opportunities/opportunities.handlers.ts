import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  OrderId,
  opportunityDecider,
  opportunityEventRegistry,
  opportunityStream,
  type CommandPayload,
  type OpportunityCommand,
  type OpportunityState,
  type WithAccess,
} from '@salesbook/domain';
import { loadAggregate, type CommandSource, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply, type CommandRequest } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { CustomerLookup } from '../customers/customer-lookup.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { PricingLookup } from '../orders/pricing-lookup.js';
import { TeamRegister } from '../team/team-register.js';
import { QuotedOrderPlacer } from './place-quoted-order.js';

type Payload = CommandPayload<OpportunityCommand>;

/** An Opportunity command on the CommandBus: one of the Opportunity payloads. */
export class OpportunityCommandMessage extends AggregateCommand<Payload> {}

/**
 * Decides Opportunity commands on the opportunity's stream. Opening loads the customer (exists, active, owner,
 * region, segment); a quotation is priced from the lists of the business day; accepting one first places its order.
 */
@CommandHandler(OpportunityCommandMessage)
export class OpportunityCommandHandler implements ICommandHandler<OpportunityCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly customers: CustomerLookup,
    private readonly pricing: PricingLookup,
    private readonly team: TeamRegister,
    private readonly orders: QuotedOrderPlacer,
  ) {}

  private target(payload: Payload) {
    return {
      decider: opportunityDecider,
      registry: opportunityEventRegistry,
      streamName: opportunityStream(payload.data.opportunityId),
    };
  }

  private run(
    request: CommandRequest<Payload>,
    source: CommandSource<WithAccess<OpportunityCommand>, OpportunityState>,
  ): Promise<CommandReply> {
    return runCommand({ store: this.store, codec: this.codec }, this.target(request.payload), request, source);
  }

  async execute({ request }: OpportunityCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const on = this.team.businessDate(metadata.occurredAt);
    switch (payload.type) {
      case 'OpenOpportunity': {
        const view = await this.customers.view(payload.data.customerId);
        const customer =
          view === null
            ? null
            : {
                active: view.status === 'active',
                ownerRep: view.ownerRepId,
                homeRegion: view.region,
                segment: view.segment,
              };
        return this.run(request, { command: { ...payload, metadata, access, inputs: { customer } } });
      }
      case 'SendQuotation':
        return this.run(request, {
          commandFor: async (state) => {
            const view = state.status === 'none' ? null : await this.customers.view(state.customerId);
            const pricing =
              view === null || state.status === 'none'
                ? undefined
                : this.pricing.facts(state.currency, on, view.segment, payload.data.lines);
            return { ...payload, metadata, access, inputs: { on, ...(pricing === undefined ? {} : { pricing }) } };
          },
        });
      case 'AcceptQuotation':
        return this.accept(request, {
          ...payload,
          metadata,
          access,
          inputs: { on, orderId: OrderId.parse(payload.data.quotationId) },
        });
      default:
        return this.run(request, { command: { ...payload, metadata, access } });
    }
  }

  /** Decides the acceptance first; only an acceptance that would be recorded places the order, then is recorded. */
  private async accept(
    request: CommandRequest<Payload>,
    command: Extract<WithAccess<OpportunityCommand>, { type: 'AcceptQuotation' }>,
  ): Promise<CommandReply> {
    const loaded = await loadAggregate({
      store: this.store,
      codec: this.codec,
      decider: opportunityDecider,
      registry: opportunityEventRegistry,
      streamName: this.target(request.payload).streamName,
    });
    if (isLeft(loaded)) return loaded;
    const state = loaded.right.state;
    const decided = opportunityDecider.decide(command, state);
    if (isLeft(decided)) return decided;
    if (decided.right.length > 0 && state.status !== 'none') {
      const placed = await this.orders.place(
        state,
        command.data.quotationId,
        command.inputs.orderId,
        command.metadata,
        request.commandId,
      );
      if (isLeft(placed)) return placed;
    }
    return this.run(request, { command });
  }
}
