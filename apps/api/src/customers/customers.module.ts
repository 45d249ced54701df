import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CustomerLookup } from './customer-lookup.js';
import { CustomersController } from './customers.controller.js';
import { CustomerCommandHandler } from './customers.handlers.js';

/** Customers: their command routes, and the lookup other areas use to read a customer. */
@Module({
  controllers: [CustomersController],
  providers: [CommandGateway, CustomerCommandHandler, CustomerLookup],
  exports: [CustomerLookup],
})
export class CustomersModule {}
