import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { ImprovementActionsController } from './improvement-actions.controller.js';
import { ImprovementActionCommandHandler } from './improvement-actions.handlers.js';

/** Improvement actions: their command routes (the report is a report route). */
@Module({
  controllers: [ImprovementActionsController],
  providers: [CommandGateway, ImprovementActionCommandHandler],
})
export class ImprovementActionsModule {}
