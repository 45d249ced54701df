import { Controller } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route, type RouteSpec } from '../http/route-spec.js';
import { OrderCommand } from './orders.handlers.js';
import { orderRoutes as routes } from './orders.routes.js';

/** Order commands over HTTP. */
@Controller()
export class OrdersController {
  constructor(private readonly commands: CommandGateway) {}

  private async send(spec: RouteSpec, input: RouteInput): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, input, OrderCommand));
  }

  @Route(routes.place) place(@Input() input: RouteInput) {
    return this.send(routes.place, input);
  }
  @Route(routes.approveDiscount) approveDiscount(@Input() input: RouteInput) {
    return this.send(routes.approveDiscount, input);
  }
  @Route(routes.confirm) confirm(@Input() input: RouteInput) {
    return this.send(routes.confirm, input);
  }
  @Route(routes.amend) amend(@Input() input: RouteInput) {
    return this.send(routes.amend, input);
  }
  @Route(routes.ship) ship(@Input() input: RouteInput) {
    return this.send(routes.ship, input);
  }
  @Route(routes.deliver) deliver(@Input() input: RouteInput) {
    return this.send(routes.deliver, input);
  }
  @Route(routes.cancel) cancel(@Input() input: RouteInput) {
    return this.send(routes.cancel, input);
  }
  @Route(routes.close) close(@Input() input: RouteInput) {
    return this.send(routes.close, input);
  }
}
