import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  complaintDecider,
  complaintEventRegistry,
  complaintStream,
  type CommandPayload,
  type ComplaintCommand,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { CustomerLookup } from '../customers/customer-lookup.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Complaint command on the CommandBus: one of the Complaint payloads. */
export class ComplaintCommandMessage extends AggregateCommand<CommandPayload<ComplaintCommand>> {}

/** Decides Complaint commands; FileComplaint gets the customer's owner rep and region loaded here. */
@CommandHandler(ComplaintCommandMessage)
export class ComplaintCommandHandler implements ICommandHandler<ComplaintCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly customers: CustomerLookup,
  ) {}

  async execute({ request }: ComplaintCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const write = { store: this.store, codec: this.codec };
    const target = {
      decider: complaintDecider,
      registry: complaintEventRegistry,
      streamName: complaintStream(payload.data.complaintId),
    };
    if (payload.type === 'FileComplaint') {
      const customer = await this.customers.forComplaint(payload.data.customerId);
      return runCommand(write, target, request, { command: { ...payload, metadata, access, inputs: { customer } } });
    }
    return runCommand(write, target, request, { command: { ...payload, metadata, access } });
  }
}
