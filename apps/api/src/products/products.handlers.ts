import {
  productDecider,
  productEventRegistry,
  productStream,
  type CommandPayload,
  type ProductCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A Product command on the CommandBus: one of the Product payloads. */
export class ProductCommandMessage extends AggregateCommand<CommandPayload<ProductCommand>> {}

/** Decides Product commands on the stream of the product's sku. */
export const ProductCommandHandler = singleStreamHandler(ProductCommandMessage, {
  decider: productDecider,
  registry: productEventRegistry,
  stream: ({ data }) => productStream(data.sku),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
