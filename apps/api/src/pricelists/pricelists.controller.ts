import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, PriceListCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { PriceListCommandMessage } from './pricelists.handlers.js';
import { priceListRoutes as routes } from './pricelists.routes.js';

/** Price list commands over HTTP. */
@Controller()
export class PriceListsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<PriceListCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), PriceListCommandMessage));
  }

  @Route(routes.create) create(@Req() request: FastifyRequest) {
    return this.send(routes.create, request);
  }
  @Route(routes.setPrices) setPrices(@Req() request: FastifyRequest) {
    return this.send(routes.setPrices, request);
  }
  @Route(routes.removePrice) removePrice(@Req() request: FastifyRequest) {
    return this.send(routes.removePrice, request);
  }
  @Route(routes.end) end(@Req() request: FastifyRequest) {
    return this.send(routes.end, request);
  }
}
