import { Module } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import { TeamController } from './team.controller.js';
import { TeamCommandHandler } from './team.handlers.js';

/** The sales team register: who is on the team, in which role and region, from when. */
@Module({
  controllers: [TeamController],
  providers: [CommandGateway, TeamCommandHandler],
})
export class TeamModule {}
