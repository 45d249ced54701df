import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { forecastDecider, forecastEventRegistry, forecastStream, type CommandPayload, type ForecastCommand } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Forecast command on the CommandBus: one of the Forecast payloads. */
export class ForecastCommandMessage extends AggregateCommand<CommandPayload<ForecastCommand>> {}

/** Decides Forecast commands on the rep's forecast stream. */
@CommandHandler(ForecastCommandMessage)
export class ForecastCommandHandler implements ICommandHandler<ForecastCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: ForecastCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = { decider: forecastDecider, registry: forecastEventRegistry, streamName: forecastStream(payload.data.repId) };
    return runCommand({ store: this.store, codec: this.codec }, target, request, { command: { ...payload, metadata, access } });
  }
}
