import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { left } from 'fp-ts/lib/Either.js';
import { orderDecider, orderStream, type CustomerId, type CustomerInputs, type OrderId } from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { CustomerLookup } from '../customers/customer-lookup.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** An Order command on the CommandBus. */
export class OrderCommand extends AggregateCommand {}

/**
 * Decides Order commands on the order's stream. PlaceOrder and ConfirmOrder get the customer snapshot
 * (exists, active, credit limit, open receivables) loaded here, as the decider's inputs.
 */
@CommandHandler(OrderCommand)
export class OrderCommandHandler implements ICommandHandler<OrderCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly customers: CustomerLookup,
  ) {}

  async execute({ request }: OrderCommand): Promise<CommandReply> {
    const data = request.data as { orderId: OrderId; customerId?: CustomerId; currency?: string };
    const streamName = orderStream(data.orderId);
    const write = { store: this.store, codec: this.codec };
    if (request.type === 'PlaceOrder' && data.customerId !== undefined && data.currency !== undefined) {
      const inputs: CustomerInputs = { customer: await this.customers.forOrder(data.customerId, data.currency) };
      return runCommand(write, orderDecider, streamName, request, inputs);
    }
    if (request.type === 'ConfirmOrder') {
      const order = await loadAggregate({ store: this.store, codec: this.codec, decider: orderDecider, streamName });
      if (order._tag === 'Left') return left(order.left);
      const state = order.right.state;
      // An unknown order has no customer: the decider refuses it with ORDER_NOT_FOUND.
      const customer = state.status === 'none' ? null : await this.customers.forOrder(state.customerId, state.currency);
      return runCommand(write, orderDecider, streamName, request, { customer } satisfies CustomerInputs);
    }
    return runCommand(write, orderDecider, streamName, request);
  }
}
