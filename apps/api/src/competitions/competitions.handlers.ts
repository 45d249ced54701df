import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  competitionDecider,
  competitionEventRegistry,
  competitionStream,
  type CommandPayload,
  type CompetitionCommand,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { businessDate } from '@salesbook/projections';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A competition command on the CommandBus: one of the competition payloads. */
export class CompetitionCommandMessage extends AggregateCommand<CommandPayload<CompetitionCommand>> {}

/** Decides competition commands on the competition's stream, with the command's business date in the business zone. */
@CommandHandler(CompetitionCommandMessage)
export class CompetitionCommandHandler implements ICommandHandler<CompetitionCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async execute({ request }: CompetitionCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = {
      decider: competitionDecider,
      registry: competitionEventRegistry,
      streamName: competitionStream(payload.data.competitionId),
    };
    const inputs = { today: businessDate(metadata.occurredAt, this.config.timeZone) };
    return runCommand({ store: this.store, codec: this.codec }, target, request, {
      command: { ...payload, metadata, access, inputs },
    });
  }
}
