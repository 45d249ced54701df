import {
  competitorDecider,
  competitorEventRegistry,
  competitorStream,
  marketDecider,
  marketEventRegistry,
  marketStream,
  type CommandPayload,
  type CompetitorCommand,
  type MarketCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A Market command on the CommandBus. */
export class MarketCommandMessage extends AggregateCommand<CommandPayload<MarketCommand>> {}

/** A Competitor command on the CommandBus. */
export class CompetitorCommandMessage extends AggregateCommand<CommandPayload<CompetitorCommand>> {}

/** Decides market size estimates on the stream of their region and segment. */
export const MarketCommandHandler = singleStreamHandler(MarketCommandMessage, {
  decider: marketDecider,
  registry: marketEventRegistry,
  stream: ({ data }) => marketStream(data.region, data.segment),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});

/** Decides competitor price observations on the observation's own stream. */
export const CompetitorCommandHandler = singleStreamHandler(CompetitorCommandMessage, {
  decider: competitorDecider,
  registry: competitorEventRegistry,
  stream: ({ data }) => competitorStream(data.observationId),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
