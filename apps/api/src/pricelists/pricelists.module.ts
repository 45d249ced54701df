import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { PriceListsController } from './pricelists.controller.js';
import { PriceListCommandHandler } from './pricelists.handlers.js';

/** Price lists: their command routes (the list of lists is a report route). */
@Module({
  controllers: [PriceListsController],
  providers: [CommandGateway, PriceListCommandHandler],
})
export class PriceListsModule {}
