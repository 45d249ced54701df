import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { ProductsController } from './products.controller.js';
import { ProductCommandHandler } from './products.handlers.js';

/** The product catalogue: its command routes (the list is a report route). */
@Module({
  controllers: [ProductsController],
  providers: [CommandGateway, ProductCommandHandler],
})
export class ProductsModule {}
