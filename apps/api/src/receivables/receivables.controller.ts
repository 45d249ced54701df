import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, ReceivableCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { ReceivableCommandMessage } from './receivables.handlers.js';
import { receivableRoutes as routes } from './receivables.routes.js';

/** Receivable commands over HTTP. */
@Controller()
export class ReceivablesController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<ReceivableCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), ReceivableCommandMessage));
  }

  @Route(routes.open) open(@Req() request: FastifyRequest) {
    return this.send(routes.open, request);
  }
  @Route(routes.recordPayment) recordPayment(@Req() request: FastifyRequest) {
    return this.send(routes.recordPayment, request);
  }
  @Route(routes.reversePayment) reversePayment(@Req() request: FastifyRequest) {
    return this.send(routes.reversePayment, request);
  }
  @Route(routes.issueCreditNote) issueCreditNote(@Req() request: FastifyRequest) {
    return this.send(routes.issueCreditNote, request);
  }
  @Route(routes.requestWriteOff) requestWriteOff(@Req() request: FastifyRequest) {
    return this.send(routes.requestWriteOff, request);
  }
  @Route(routes.approveWriteOff) approveWriteOff(@Req() request: FastifyRequest) {
    return this.send(routes.approveWriteOff, request);
  }
  @Route(routes.logFollowUp) logFollowUp(@Req() request: FastifyRequest) {
    return this.send(routes.logFollowUp, request);
  }
  @Route(routes.dispute) dispute(@Req() request: FastifyRequest) {
    return this.send(routes.dispute, request);
  }
  @Route(routes.resolveDispute) resolveDispute(@Req() request: FastifyRequest) {
    return this.send(routes.resolveDispute, request);
  }
}
