import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { CompetitionsController } from './competitions.controller.js';
import { CompetitionCommandHandler } from './competitions.handlers.js';

/** Sales competitions: their command routes (the list and the standings are report routes). */
@Module({
  controllers: [CompetitionsController],
  providers: [CommandGateway, CompetitionCommandHandler],
})
export class CompetitionsModule {}
