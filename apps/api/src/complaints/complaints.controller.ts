import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, ComplaintCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { ComplaintCommandMessage } from './complaints.handlers.js';
import { complaintRoutes as routes } from './complaints.routes.js';

/** Complaint commands over HTTP. */
@Controller()
export class ComplaintsController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<ComplaintCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), ComplaintCommandMessage));
  }

  @Route(routes.file) file(@Req() request: FastifyRequest) {
    return this.send(routes.file, request);
  }
  @Route(routes.assign) assign(@Req() request: FastifyRequest) {
    return this.send(routes.assign, request);
  }
  @Route(routes.acknowledge) acknowledge(@Req() request: FastifyRequest) {
    return this.send(routes.acknowledge, request);
  }
  @Route(routes.investigate) investigate(@Req() request: FastifyRequest) {
    return this.send(routes.investigate, request);
  }
  @Route(routes.awaitCustomer) awaitCustomer(@Req() request: FastifyRequest) {
    return this.send(routes.awaitCustomer, request);
  }
  @Route(routes.customerResponse) customerResponse(@Req() request: FastifyRequest) {
    return this.send(routes.customerResponse, request);
  }
  @Route(routes.escalate) escalate(@Req() request: FastifyRequest) {
    return this.send(routes.escalate, request);
  }
  @Route(routes.resolve) resolve(@Req() request: FastifyRequest) {
    return this.send(routes.resolve, request);
  }
  @Route(routes.requestCompensation) requestCompensation(@Req() request: FastifyRequest) {
    return this.send(routes.requestCompensation, request);
  }
  @Route(routes.approveCompensation) approveCompensation(@Req() request: FastifyRequest) {
    return this.send(routes.approveCompensation, request);
  }
  @Route(routes.rejectCompensation) rejectCompensation(@Req() request: FastifyRequest) {
    return this.send(routes.rejectCompensation, request);
  }
  @Route(routes.close) close(@Req() request: FastifyRequest) {
    return this.send(routes.close, request);
  }
  @Route(routes.reopen) reopen(@Req() request: FastifyRequest) {
    return this.send(routes.reopen, request);
  }
}
