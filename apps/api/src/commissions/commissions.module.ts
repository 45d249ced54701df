import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CommissionPlansController } from './commission-plans.controller.js';
import { CommissionPlanCommandHandler } from './commission-plans.handlers.js';

/** Commission plans: their command routes (the statements are report routes). */
@Module({
  controllers: [CommissionPlansController],
  providers: [CommandGateway, CommissionPlanCommandHandler],
})
export class CommissionsModule {}
