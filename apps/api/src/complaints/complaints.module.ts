import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CustomersModule } from '../customers/customers.module.js';
import { ComplaintsController } from './complaints.controller.js';
import { ComplaintCommandHandler } from './complaints.handlers.js';

/** Complaints: their command routes; filing reads the customer through {@link CustomersModule}. */
@Module({
  imports: [CustomersModule],
  controllers: [ComplaintsController],
  providers: [CommandGateway, ComplaintCommandHandler],
})
export class ComplaintsModule {}
