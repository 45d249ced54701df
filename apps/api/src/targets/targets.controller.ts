import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, TargetCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { TargetCommandMessage } from './targets.handlers.js';
import { targetRoutes as routes } from './targets.routes.js';

/** Target commands over HTTP. */
@Controller()
export class TargetsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<TargetCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), TargetCommandMessage));
  }

  @Route(routes.set) set(@Req() request: FastifyRequest) {
    return this.send(routes.set, request);
  }
  @Route(routes.revise) revise(@Req() request: FastifyRequest) {
    return this.send(routes.revise, request);
  }
  @Route(routes.split) split(@Req() request: FastifyRequest) {
    return this.send(routes.split, request);
  }
}
