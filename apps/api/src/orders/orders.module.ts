import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CustomersModule } from '../customers/customers.module.js';
import { OrdersController } from './orders.controller.js';
import { OrderCommandHandler } from './orders.handlers.js';

/** Orders: their command routes; placing and confirming read the customer through {@link CustomersModule}. */
@Module({
  imports: [CustomersModule],
  controllers: [OrdersController],
  providers: [CommandGateway, OrderCommandHandler],
})
export class OrdersModule {}
