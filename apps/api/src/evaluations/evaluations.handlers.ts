import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  evaluationDecider,
  evaluationEventRegistry,
  evaluationStream,
  type CommandPayload,
  type EvaluationCommand,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { AggregateCommand, type CommandReply } from '../commands/command-request.js';
import { runCommand } from '../commands/run-command.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { EvaluationSnapshots } from './evaluation-snapshot.js';

/** An Evaluation command on the CommandBus: one of its payloads (an opening's snapshot is added here). */
export class EvaluationCommandMessage extends AggregateCommand<CommandPayload<EvaluationCommand>> {}

/** Decides Evaluation commands on `evaluation-<rep>-<quarter>`; an opening gets the quarter's scorecards read now. */
@CommandHandler(EvaluationCommandMessage)
export class EvaluationCommandHandler implements ICommandHandler<EvaluationCommandMessage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
    private readonly snapshots: EvaluationSnapshots,
  ) {}

  async execute({ request }: EvaluationCommandMessage): Promise<CommandReply> {
    const { payload, metadata, access } = request;
    const target = {
      decider: evaluationDecider,
      registry: evaluationEventRegistry,
      streamName: evaluationStream(payload.data.repId, payload.data.quarter),
    };
    const write = { store: this.store, codec: this.codec };
    if (payload.type === 'OpenEvaluation') {
      const snapshot = this.snapshots.of(payload.data.repId, payload.data.quarter, metadata.actor);
      return runCommand(write, target, request, { command: { ...payload, metadata, access, inputs: { snapshot } } });
    }
    return runCommand(write, target, request, { command: { ...payload, metadata, access } });
  }
}
