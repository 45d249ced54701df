import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  targetDecider,
  targetEventRegistry,
  targetKeyOf,
  targetScopeOf,
  targetStream,
  type CommandPayload,
  type TargetCommand,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { PeriodRegister } from '../periods/period-register.js';

/** A Target command on the CommandBus: one of the Target payloads. */
export class TargetCommandMessage extends AggregateCommand<CommandPayload<TargetCommand>> {}

/** Decides Target commands on the stream the period, measure, scope and scope id name (a split: its region target's). */
@CommandHandler(TargetCommandMessage)
export class TargetCommandHandler implements ICommandHandler<TargetCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly periods: PeriodRegister,
  ) {}

  async execute({ request }: TargetCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const { scope, scopeId } = targetScopeOf(payload);
    const { period, measure } = targetKeyOf(payload.data);
    const target = {
      decider: targetDecider,
      registry: targetEventRegistry,
      streamName: targetStream(period, scope, scopeId, measure),
    };
    const periods = await this.periods.facts(metadata.occurredAt);
    return runCommand({ store: this.store, codec: this.codec }, target, request, {
      command: { ...payload, metadata, access, periods },
    });
  }
}
