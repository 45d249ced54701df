import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { PeriodsController } from './periods.controller.js';
import { PeriodCommandHandler } from './periods.handlers.js';

/** The period close: closing business months, reopening them, and each month's status. */
@Module({
  controllers: [PeriodsController],
  providers: [CommandGateway, PeriodCommandHandler],
})
export class PeriodsModule {}
