import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, ForecastCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { ForecastCommandMessage } from './forecasts.handlers.js';
import { forecastRoutes as routes } from './forecasts.routes.js';

/** Forecast commands over HTTP. */
@Controller()
export class ForecastsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<ForecastCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), ForecastCommandMessage));
  }

  @Route(routes.submit) submit(@Req() request: FastifyRequest) {
    return this.send(routes.submit, request);
  }
  @Route(routes.adjust) adjust(@Req() request: FastifyRequest) {
    return this.send(routes.adjust, request);
  }
}
