import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  receivableDecider,
  receivableEventRegistry,
  receivableStream,
  type CommandPayload,
  type ReceivableCommand,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { withBusinessDate } from '../commands/business-dates.js';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { PeriodRegister } from '../periods/period-register.js';

/** A Receivable command on the CommandBus: one of the Receivable payloads. */
export class ReceivableCommandMessage extends AggregateCommand<CommandPayload<ReceivableCommand>> {}

/** Decides Receivable commands on the receivable's stream; an omitted business date is the date in SALESBOOK_TIMEZONE; the closed months come with the command. */
@CommandHandler(ReceivableCommandMessage)
export class ReceivableCommandHandler implements ICommandHandler<ReceivableCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly periods: PeriodRegister,
  ) {}

  async execute({ request }: ReceivableCommandMessage): Promise<CommandReply> {
    const { metadata, access } = request;
    const payload = withBusinessDate(request.payload, metadata.occurredAt, this.config.timeZone);
    const target = {
      decider: receivableDecider,
      registry: receivableEventRegistry,
      streamName: receivableStream(payload.data.receivableId),
    };
    const periods = await this.periods.facts(metadata.occurredAt);
    return runCommand({ store: this.store, codec: this.codec }, target, request, {
      command: { ...payload, metadata, access, periods },
    });
  }
}
