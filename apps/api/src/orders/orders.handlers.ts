import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  orderDecider,
  orderEventRegistry,
  orderStream,
  type CommandPayload,
  type OrderCommand,
  type OrderState,
  type WithAccess,
  type WithPeriods,
} from '@salesbook/domain';
import type { CommandSource, EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { CustomerLookup } from '../customers/customer-lookup.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { PeriodRegister } from '../periods/period-register.js';
import { PricingLookup } from './pricing-lookup.js';

/** An Order command on the CommandBus: one of the Order payloads. */
export class OrderCommandMessage extends AggregateCommand<CommandPayload<OrderCommand>> {}

/**
 * Decides Order commands on the order's stream. PlaceOrder and ConfirmOrder get the customer snapshot
 * (exists, active, credit limit, open receivables) loaded here, as the decider's inputs; ConfirmOrder finds
 * its customer in the order state read for the decision, so the stream is read once. PlaceOrder and AmendOrder
 * get the pricing facts of the business day the command is recorded on (lists, promotions, budgets spent).
 */
@CommandHandler(OrderCommandMessage)
export class OrderCommandHandler implements ICommandHandler<OrderCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly customers: CustomerLookup,
    private readonly periods: PeriodRegister,
    private readonly pricing: PricingLookup,
  ) {}

  async execute({ request }: OrderCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    // A shipment or delivery dated in a closed month counts on the day it is recorded.
    const periods = await this.periods.facts(metadata.occurredAt);
    const target = {
      decider: orderDecider,
      registry: orderEventRegistry,
      streamName: orderStream(payload.data.orderId),
      expectNewStream: payload.type === 'PlaceOrder',
    };
    const run = (source: CommandSource<WithAccess<WithPeriods<OrderCommand>>, OrderState>) =>
      runCommand({ store: this.store, codec: this.codec }, target, request, source);
    switch (payload.type) {
      case 'PlaceOrder': {
        const { customerId, currency, lines } = payload.data;
        const customer = await this.customers.forOrder(customerId, currency);
        const pricing =
          customer === null ? undefined : this.pricing.facts(currency, periods.recordedOn, customer.segment, lines);
        return run({
          command: {
            ...payload,
            metadata,
            access,
            periods,
            inputs: { customer, ...(pricing === undefined ? {} : { pricing }) },
          },
        });
      }
      case 'AmendOrder': {
        const lines = payload.data.lines;
        // Only lines added by the amendment are priced; an unknown order is refused by the decider.
        return run({
          commandFor: async (state) => {
            const view =
              state.status === 'none' || lines === undefined ? null : await this.customers.view(state.customerId);
            if (view === null || state.status === 'none' || lines === undefined)
              return { ...payload, metadata, access, periods };
            return {
              ...payload,
              metadata,
              access,
              periods,
              inputs: { pricing: this.pricing.facts(state.currency, periods.recordedOn, view.segment, lines) },
            };
          },
        });
      }
      case 'ConfirmOrder':
        // An unknown order has no customer: the decider refuses it with ORDER_NOT_FOUND.
        return run({
          commandFor: async (state) => ({
            ...payload,
            metadata,
            access,
            periods,
            inputs: {
              customer:
                state.status === 'none' ? null : await this.customers.forOrder(state.customerId, state.currency),
            },
          }),
        });
      default:
        return run({ command: { ...payload, metadata, access, periods } });
    }
  }
}
