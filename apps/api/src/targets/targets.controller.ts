import { Controller } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route, type RouteSpec } from '../http/route-spec.js';
import { TargetCommand } from './targets.handlers.js';
import { targetRoutes as routes } from './targets.routes.js';

/** Target commands over HTTP. */
@Controller()
export class TargetsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send(spec: RouteSpec, input: RouteInput): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, input, TargetCommand));
  }

  @Route(routes.set) set(@Input() input: RouteInput) {
    return this.send(routes.set, input);
  }
  @Route(routes.revise) revise(@Input() input: RouteInput) {
    return this.send(routes.revise, input);
  }
}