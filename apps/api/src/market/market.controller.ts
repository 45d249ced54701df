import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CommandGateway } from '../commands/command-gateway.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { CompetitorCommandMessage, MarketCommandMessage } from './market.handlers.js';
import { marketRoutes as routes } from './market.routes.js';

/** Market research commands over HTTP: market size estimates and competitor prices. */
@Controller()
export class MarketController {
  constructor(private readonly commands: CommandGateway) {}

  @Route(routes.estimate) async estimate(@Req() request: FastifyRequest) {
    const spec = routes.estimate;
    return reply(await this.commands.send(spec, readCommand(spec, request), MarketCommandMessage));
  }
  @Route(routes.competitorPrice) async competitorPrice(@Req() request: FastifyRequest) {
    const spec = routes.competitorPrice;
    return reply(await this.commands.send(spec, readCommand(spec, request), CompetitorCommandMessage));
  }
}
