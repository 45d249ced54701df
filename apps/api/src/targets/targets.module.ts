import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { TargetsController } from './targets.controller.js';
import { TargetCommandHandler } from './targets.handlers.js';

/** Sales targets: their command routes. */
@Module({
  controllers: [TargetsController],
  providers: [CommandGateway, TargetCommandHandler],
})
export class TargetsModule {}
