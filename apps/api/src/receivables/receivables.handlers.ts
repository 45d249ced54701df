import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { receivableDecider, receivableStream, type ReceivableId } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A Receivable command on the CommandBus. */
export class ReceivableCommand extends AggregateCommand {}

/** Decides Receivable commands on the receivable's stream. */
@CommandHandler(ReceivableCommand)
export class ReceivableCommandHandler implements ICommandHandler<ReceivableCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: ReceivableCommand): Promise<CommandReply> {
    const { receivableId } = request.data as { receivableId: ReceivableId };
    return runCommand({ store: this.store, codec: this.codec }, receivableDecider, receivableStream(receivableId), request);
  }
}
