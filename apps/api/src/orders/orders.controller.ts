import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, OrderCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { OrderCommandMessage } from './orders.handlers.js';
import { orderRoutes as routes } from './orders.routes.js';

/** Order commands over HTTP. */
@Controller()
export class OrdersController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<OrderCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), OrderCommandMessage));
  }

  @Route(routes.place) place(@Req() request: FastifyRequest) {
    return this.send(routes.place, request);
  }
  @Route(routes.approveDiscount) approveDiscount(@Req() request: FastifyRequest) {
    return this.send(routes.approveDiscount, request);
  }
  @Route(routes.confirm) confirm(@Req() request: FastifyRequest) {
    return this.send(routes.confirm, request);
  }
  @Route(routes.amend) amend(@Req() request: FastifyRequest) {
    return this.send(routes.amend, request);
  }
  @Route(routes.ship) ship(@Req() request: FastifyRequest) {
    return this.send(routes.ship, request);
  }
  @Route(routes.deliver) deliver(@Req() request: FastifyRequest) {
    return this.send(routes.deliver, request);
  }
  @Route(routes.cancel) cancel(@Req() request: FastifyRequest) {
    return this.send(routes.cancel, request);
  }
  @Route(routes.close) close(@Req() request: FastifyRequest) {
    return this.send(routes.close, request);
  }
}
