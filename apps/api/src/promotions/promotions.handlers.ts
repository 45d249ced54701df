import {
  promotionDecider,
  promotionEventRegistry,
  promotionStream,
  type CommandPayload,
  type PromotionCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A Promotion command on the CommandBus: one of the Promotion payloads. */
export class PromotionCommandMessage extends AggregateCommand<CommandPayload<PromotionCommand>> {}

/** Decides Promotion commands on the promotion's stream. */
export const PromotionCommandHandler = singleStreamHandler(PromotionCommandMessage, {
  decider: promotionDecider,
  registry: promotionEventRegistry,
  stream: ({ data }) => promotionStream(data.promotionId),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
