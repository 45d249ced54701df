import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CustomersModule } from '../customers/customers.module.js';
import { PricingLookup } from '../orders/pricing-lookup.js';
import { OpportunitiesController } from './opportunities.controller.js';
import { OpportunityCommandHandler } from './opportunities.handlers.js';
import { QuotedOrderPlacer } from './place-quoted-order.js';

/** Opportunities and quotations: their command routes (the pipeline is a report route); accepting a quotation places its order through the order's handler. */
@Module({
  imports: [CustomersModule],
  controllers: [OpportunitiesController],
  providers: [CommandGateway, OpportunityCommandHandler, PricingLookup, QuotedOrderPlacer],
})
export class OpportunitiesModule {}
