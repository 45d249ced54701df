import { Controller, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { left } from 'fp-ts/lib/Either.js';
import type { CommandPayload, CustomerCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { readCommand } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { CustomerCommandMessage } from './customers.handlers.js';
import { customerRoutes as routes } from './customers.routes.js';

/** Customer commands over HTTP. */
@Controller()
export class CustomersController {
  constructor(private readonly commands: CommandGateway) {}

  private async send<P extends CommandPayload<CustomerCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), CustomerCommandMessage));
  }

  @Route(routes.register) register(@Req() request: FastifyRequest) {
    return this.send(routes.register, request);
  }
  @Route(routes.updateProfile) updateProfile(@Req() request: FastifyRequest) {
    return this.send(routes.updateProfile, request);
  }
  @Route(routes.changeContact) changeContact(@Req() request: FastifyRequest) {
    return this.send(routes.changeContact, request);
  }
  @Route(routes.reassign) reassign(@Req() request: FastifyRequest) {
    return this.send(routes.reassign, request);
  }
  @Route(routes.setCreditLimit) setCreditLimit(@Req() request: FastifyRequest) {
    return this.send(routes.setCreditLimit, request);
  }
  @Route(routes.recordSurvey) recordSurvey(@Req() request: FastifyRequest) {
    return this.send(routes.recordSurvey, request);
  }
  @Route(routes.closeFollowUp) closeFollowUp(@Req() request: FastifyRequest) {
    return this.send(routes.closeFollowUp, request);
  }
  @Route(routes.forget) async forget(@Req() request: FastifyRequest) {
    const input = readCommand(routes.forget, request);
    // An erasure applies at any revision and is idempotent: a precondition on the revision would only refuse it.
    if (input.expectedRevision !== undefined) {
      return reply(
        left({
          kind: 'invalid-input',
          issues: [
            {
              in: 'headers',
              path: ['if-match'],
              message: 'an erasure takes no If-Match: it applies at any revision and a repeat changes nothing',
            },
          ],
        }),
      );
    }
    return reply(await this.commands.send(routes.forget, input, CustomerCommandMessage));
  }
  @Route(routes.deactivate) deactivate(@Req() request: FastifyRequest) {
    return this.send(routes.deactivate, request);
  }
}
