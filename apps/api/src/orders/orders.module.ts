import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CustomersModule } from '../customers/customers.module.js';
import { OrdersController } from './orders.controller.js';
import { OrderCommandHandler } from './orders.handlers.js';
import { PricingLookup } from './pricing-lookup.js';

/** Orders: their command routes; placing and confirming read the customer through {@link CustomersModule}, placing and amending the price lists and promotions through {@link PricingLookup}. */
@Module({
  imports: [CustomersModule],
  controllers: [OrdersController],
  providers: [CommandGateway, OrderCommandHandler, PricingLookup],
})
export class OrdersModule {}
