import { Controller } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route, type RouteSpec } from '../http/route-spec.js';
import { ReceivableCommand } from './receivables.handlers.js';
import { receivableRoutes as routes } from './receivables.routes.js';

/** Receivable commands over HTTP. */
@Controller()
export class ReceivablesController {
  constructor(private readonly commands: CommandGateway) {}

  private async send(spec: RouteSpec, input: RouteInput): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, input, ReceivableCommand));
  }

  @Route(routes.open) open(@Input() input: RouteInput) {
    return this.send(routes.open, input);
  }
  @Route(routes.recordPayment) recordPayment(@Input() input: RouteInput) {
    return this.send(routes.recordPayment, input);
  }
  @Route(routes.reversePayment) reversePayment(@Input() input: RouteInput) {
    return this.send(routes.reversePayment, input);
  }
  @Route(routes.issueCreditNote) issueCreditNote(@Input() input: RouteInput) {
    return this.send(routes.issueCreditNote, input);
  }
  @Route(routes.requestWriteOff) requestWriteOff(@Input() input: RouteInput) {
    return this.send(routes.requestWriteOff, input);
  }
  @Route(routes.approveWriteOff) approveWriteOff(@Input() input: RouteInput) {
    return this.send(routes.approveWriteOff, input);
  }
  @Route(routes.logFollowUp) logFollowUp(@Input() input: RouteInput) {
    return this.send(routes.logFollowUp, input);
  }
  @Route(routes.dispute) dispute(@Input() input: RouteInput) {
    return this.send(routes.dispute, input);
  }
  @Route(routes.resolveDispute) resolveDispute(@Input() input: RouteInput) {
    return this.send(routes.resolveDispute, input);
  }
}
