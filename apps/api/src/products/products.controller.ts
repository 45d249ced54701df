import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, ProductCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { ProductCommandMessage } from './products.handlers.js';
import { productRoutes as routes } from './products.routes.js';

/** Product catalogue commands over HTTP. */
@Controller()
export class ProductsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<ProductCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), ProductCommandMessage));
  }

  @Route(routes.register) register(@Req() request: FastifyRequest) {
    return this.send(routes.register, request);
  }
  @Route(routes.revise) revise(@Req() request: FastifyRequest) {
    return this.send(routes.revise, request);
  }
  @Route(routes.setCost) setCost(@Req() request: FastifyRequest) {
    return this.send(routes.setCost, request);
  }
  @Route(routes.deactivate) deactivate(@Req() request: FastifyRequest) {
    return this.send(routes.deactivate, request);
  }
  @Route(routes.reactivate) reactivate(@Req() request: FastifyRequest) {
    return this.send(routes.reactivate, request);
  }
}
