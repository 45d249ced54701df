import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, CommissionPlanCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { CommissionPlanCommandMessage } from './commission-plans.handlers.js';
import { commissionPlanRoutes as routes } from './commission-plans.routes.js';

/** Commission plan commands over HTTP. */
@Controller()
export class CommissionPlansController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<CommissionPlanCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), CommissionPlanCommandMessage));
  }

  @Route(routes.setVersion) setVersion(@Req() request: FastifyRequest) {
    return this.send(routes.setVersion, request);
  }
  @Route(routes.end) end(@Req() request: FastifyRequest) {
    return this.send(routes.end, request);
  }
}
