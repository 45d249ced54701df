import {
  improvementActionDecider,
  improvementActionEventRegistry,
  improvementActionStream,
  type CommandPayload,
  type ImprovementActionCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** An ImprovementAction command on the CommandBus: one of its payloads. */
export class ImprovementActionCommandMessage extends AggregateCommand<CommandPayload<ImprovementActionCommand>> {}

/** Decides improvement action commands on `action-<id>`. */
export const ImprovementActionCommandHandler = singleStreamHandler(ImprovementActionCommandMessage, {
  decider: improvementActionDecider,
  registry: improvementActionEventRegistry,
  stream: ({ data }) => improvementActionStream(data.actionId),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
