import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, PromotionCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { PromotionCommandMessage } from './promotions.handlers.js';
import { promotionRoutes as routes } from './promotions.routes.js';

/** Promotion commands over HTTP. */
@Controller()
export class PromotionsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<PromotionCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), PromotionCommandMessage));
  }

  @Route(routes.draft) draft(@Req() request: FastifyRequest) {
    return this.send(routes.draft, request);
  }
  @Route(routes.approve) approve(@Req() request: FastifyRequest) {
    return this.send(routes.approve, request);
  }
  @Route(routes.end) end(@Req() request: FastifyRequest) {
    return this.send(routes.end, request);
  }
}
