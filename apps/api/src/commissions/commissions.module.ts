import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CommissionPlansController } from './commission-plans.controller.js';
import { CommissionPlanCommandHandler } from './commission-plans.handlers.js';
import { CommissionStatementsController } from './commission-statements.controller.js';
import { CommissionStatementCommandHandler } from './commission-statements.handlers.js';

/** Commission plans and statement approvals: their command routes (the statements are report routes). */
@Module({
  controllers: [CommissionPlansController, CommissionStatementsController],
  providers: [CommandGateway, CommissionPlanCommandHandler, CommissionStatementCommandHandler],
})
export class CommissionsModule {}
