import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { EvaluationSnapshots } from './evaluation-snapshot.js';
import { EvaluationsController } from './evaluations.controller.js';
import { EvaluationCommandHandler } from './evaluations.handlers.js';

/** Quarterly evaluations: their command routes (the history is a report route). */
@Module({
  controllers: [EvaluationsController],
  providers: [CommandGateway, EvaluationCommandHandler, EvaluationSnapshots],
})
export class EvaluationsModule {}
