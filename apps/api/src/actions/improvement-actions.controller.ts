import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, ImprovementActionCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { ImprovementActionCommandMessage } from './improvement-actions.handlers.js';
import { improvementActionRoutes as routes } from './improvement-actions.routes.js';

/** Improvement action commands over HTTP (the actions report is a report route: `GET /reports/improvement-actions`). */
@Controller()
export class ImprovementActionsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<ImprovementActionCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), ImprovementActionCommandMessage));
  }

  @Route(routes.open) open(@Req() request: FastifyRequest) {
    return this.send(routes.open, request);
  }
  @Route(routes.changeStatus) changeStatus(@Req() request: FastifyRequest) {
    return this.send(routes.changeStatus, request);
  }
}
