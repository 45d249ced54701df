import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { complaintDecider, complaintStream, type ComplaintCustomerInputs, type ComplaintId, type CustomerId } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { CustomerLookup } from '../customers/customer-lookup.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Complaint command on the CommandBus. */
export class ComplaintCommand extends AggregateCommand {}

/** Decides Complaint commands; FileComplaint gets the customer's owner rep and region loaded here. */
@CommandHandler(ComplaintCommand)
export class ComplaintCommandHandler implements ICommandHandler<ComplaintCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly customers: CustomerLookup,
  ) {}

  async execute({ request }: ComplaintCommand): Promise<CommandReply> {
    const data = request.data as { complaintId: ComplaintId; customerId?: CustomerId };
    const write = { store: this.store, codec: this.codec };
    const streamName = complaintStream(data.complaintId);
    if (request.type === 'FileComplaint' && data.customerId !== undefined) {
      const inputs: ComplaintCustomerInputs = { customer: await this.customers.forComplaint(data.customerId) };
      return runCommand(write, complaintDecider, streamName, request, inputs);
    }
    return runCommand(write, complaintDecider, streamName, request);
  }
}
