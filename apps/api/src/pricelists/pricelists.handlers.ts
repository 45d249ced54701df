import {
  priceListDecider,
  priceListEventRegistry,
  priceListStream,
  type CommandPayload,
  type PriceListCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A PriceList command on the CommandBus: one of the PriceList payloads. */
export class PriceListCommandMessage extends AggregateCommand<CommandPayload<PriceListCommand>> {}

/** Decides PriceList commands on the list's stream. */
export const PriceListCommandHandler = singleStreamHandler(PriceListCommandMessage, {
  decider: priceListDecider,
  registry: priceListEventRegistry,
  stream: ({ data }) => priceListStream(data.priceListId),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
