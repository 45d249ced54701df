import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { targetDecider, targetStream, type TargetScope } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Target command on the CommandBus. */
export class TargetCommand extends AggregateCommand {}

/** Decides Target commands on the stream the month, scope and scope id name. */
@CommandHandler(TargetCommand)
export class TargetCommandHandler implements ICommandHandler<TargetCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: TargetCommand): Promise<CommandReply> {
    const { month, scope, scopeId } = request.data as { month: string; scope: TargetScope; scopeId: string };
    return runCommand({ store: this.store, codec: this.codec }, targetDecider, targetStream(month, scope, scopeId), request);
  }
}
