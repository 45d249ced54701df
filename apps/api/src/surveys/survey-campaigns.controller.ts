import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { CampaignAnswerMessage } from './survey-answers.handlers.js';
import { SurveyCampaignCommandMessage } from './survey-campaigns.handlers.js';
import { surveyCampaignRoutes as routes } from './survey-campaigns.routes.js';

/** Survey campaign commands over HTTP, and the answers reps take down by phone. */
@Controller()
export class SurveyCampaignsController {
  constructor(private readonly commands: CommandGateway) {}

  @Route(routes.plan) async plan(@Req() request: FastifyRequest): Promise<CommandOutcome> {
    return reply(
      await this.commands.send(routes.plan, readCommand(routes.plan, request), SurveyCampaignCommandMessage),
    );
  }
  @Route(routes.launch) async launch(@Req() request: FastifyRequest): Promise<CommandOutcome> {
    return reply(
      await this.commands.send(routes.launch, readCommand(routes.launch, request), SurveyCampaignCommandMessage),
    );
  }
  @Route(routes.answer) async answer(@Req() request: FastifyRequest): Promise<CommandOutcome> {
    return reply(await this.commands.send(routes.answer, readCommand(routes.answer, request), CampaignAnswerMessage));
  }
}
