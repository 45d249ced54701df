import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, EvaluationCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { EvaluationCommandMessage } from './evaluations.handlers.js';
import { evaluationRoutes as routes } from './evaluations.routes.js';

/** Evaluation commands over HTTP (the history is a report route: `GET /evaluations`). */
@Controller()
export class EvaluationsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<EvaluationCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), EvaluationCommandMessage));
  }

  @Route(routes.open) open(@Req() request: FastifyRequest) {
    return this.send(routes.open, request);
  }
  @Route(routes.assess) assess(@Req() request: FastifyRequest) {
    return this.send(routes.assess, request);
  }
  @Route(routes.finalise) finalise(@Req() request: FastifyRequest) {
    return this.send(routes.finalise, request);
  }
  @Route(routes.acknowledge) acknowledge(@Req() request: FastifyRequest) {
    return this.send(routes.acknowledge, request);
  }
}
