import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, OpportunityCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { OpportunityCommandMessage } from './opportunities.handlers.js';
import { opportunityRoutes as routes } from './opportunities.routes.js';

/** Opportunity and quotation commands over HTTP. */
@Controller()
export class OpportunitiesController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<OpportunityCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), OpportunityCommandMessage));
  }

  @Route(routes.open) open(@Req() request: FastifyRequest) {
    return this.send(routes.open, request);
  }
  @Route(routes.revise) revise(@Req() request: FastifyRequest) {
    return this.send(routes.revise, request);
  }
  @Route(routes.move) move(@Req() request: FastifyRequest) {
    return this.send(routes.move, request);
  }
  @Route(routes.lose) lose(@Req() request: FastifyRequest) {
    return this.send(routes.lose, request);
  }
  @Route(routes.quote) quote(@Req() request: FastifyRequest) {
    return this.send(routes.quote, request);
  }
  @Route(routes.accept) accept(@Req() request: FastifyRequest) {
    return this.send(routes.accept, request);
  }
}
