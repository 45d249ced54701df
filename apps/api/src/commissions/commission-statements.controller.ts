import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, CommissionStatementCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { CommissionStatementCommandMessage } from './commission-statements.handlers.js';
import { commissionStatementRoutes as routes } from './commission-statements.routes.js';

/** Commission statement approvals over HTTP: the sales manager approves, then finance confirms. */
@Controller()
export class CommissionStatementsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<CommissionStatementCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), CommissionStatementCommandMessage));
  }

  @Route(routes.approve) approve(@Req() request: FastifyRequest) {
    return this.send(routes.approve, request);
  }
  @Route(routes.confirm) confirm(@Req() request: FastifyRequest) {
    return this.send(routes.confirm, request);
  }
}
