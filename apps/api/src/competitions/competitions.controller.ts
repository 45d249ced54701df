import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, CompetitionCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { CompetitionCommandMessage } from './competitions.handlers.js';
import { competitionRoutes as routes } from './competitions.routes.js';

/** Sales competitions over HTTP: sales managers announce and cancel them. */
@Controller()
export class CompetitionsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<CompetitionCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), CompetitionCommandMessage));
  }

  @Route(routes.create) create(@Req() request: FastifyRequest) {
    return this.send(routes.create, request);
  }
  @Route(routes.cancel) cancel(@Req() request: FastifyRequest) {
    return this.send(routes.cancel, request);
  }
}
