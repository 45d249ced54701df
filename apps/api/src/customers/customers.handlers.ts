import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { customerDecider, customerStream, type CustomerId } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Customer command on the CommandBus. */
export class CustomerCommand extends AggregateCommand {}

/** Decides Customer commands on the customer's stream. */
@CommandHandler(CustomerCommand)
export class CustomerCommandHandler implements ICommandHandler<CustomerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: CustomerCommand): Promise<CommandReply> {
    const { customerId } = request.data as { customerId: CustomerId };
    return runCommand({ store: this.store, codec: this.codec }, customerDecider, customerStream(customerId), request);
  }
}
