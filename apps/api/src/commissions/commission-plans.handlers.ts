import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { COMMISSION_PLAN_STREAM, commissionPlanDecider, commissionPlanEventRegistry, type CommandPayload, type CommissionPlanCommand } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';

/** A CommissionPlan command on the CommandBus: one of the CommissionPlan payloads. */
export class CommissionPlanCommandMessage extends AggregateCommand<CommandPayload<CommissionPlanCommand>> {}

/** Decides commission plan commands on the one `commission-plans` stream (every plan, so overlaps are seen). */
@CommandHandler(CommissionPlanCommandMessage)
export class CommissionPlanCommandHandler implements ICommandHandler<CommissionPlanCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  async execute({ request }: CommissionPlanCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = { decider: commissionPlanDecider, registry: commissionPlanEventRegistry, streamName: COMMISSION_PLAN_STREAM };
    return runCommand({ store: this.store, codec: this.codec }, target, request, { command: { ...payload, metadata, access } });
  }
}
