import { Controller } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route, type RouteSpec } from '../http/route-spec.js';
import { ComplaintCommand } from './complaints.handlers.js';
import { complaintRoutes as routes } from './complaints.routes.js';

/** Complaint commands over HTTP. */
@Controller()
export class ComplaintsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send(spec: RouteSpec, input: RouteInput): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, input, ComplaintCommand));
  }

  @Route(routes.file) file(@Input() input: RouteInput) {
    return this.send(routes.file, input);
  }
  @Route(routes.assign) assign(@Input() input: RouteInput) {
    return this.send(routes.assign, input);
  }
  @Route(routes.acknowledge) acknowledge(@Input() input: RouteInput) {
    return this.send(routes.acknowledge, input);
  }
  @Route(routes.investigate) investigate(@Input() input: RouteInput) {
    return this.send(routes.investigate, input);
  }
  @Route(routes.awaitCustomer) awaitCustomer(@Input() input: RouteInput) {
    return this.send(routes.awaitCustomer, input);
  }
  @Route(routes.customerResponse) customerResponse(@Input() input: RouteInput) {
    return this.send(routes.customerResponse, input);
  }
  @Route(routes.escalate) escalate(@Input() input: RouteInput) {
    return this.send(routes.escalate, input);
  }
  @Route(routes.resolve) resolve(@Input() input: RouteInput) {
    return this.send(routes.resolve, input);
  }
  @Route(routes.close) close(@Input() input: RouteInput) {
    return this.send(routes.close, input);
  }
  @Route(routes.reopen) reopen(@Input() input: RouteInput) {
    return this.send(routes.reopen, input);
  }
}