import { Controller } from '@nestjs/common';
import { left } from 'fp-ts/lib/Either.js';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route, type RouteSpec } from '../http/route-spec.js';
import { CustomerCommand } from './customers.handlers.js';
import { customerRoutes as routes } from './customers.routes.js';

/** Customer commands over HTTP. */
@Controller()
export class CustomersController {
  constructor(private readonly commands: CommandGateway) {}

  private async send(spec: RouteSpec, input: RouteInput): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, input, CustomerCommand));
  }

  @Route(routes.register) register(@Input() input: RouteInput) {
    return this.send(routes.register, input);
  }
  @Route(routes.updateProfile) updateProfile(@Input() input: RouteInput) {
    return this.send(routes.updateProfile, input);
  }
  @Route(routes.changeContact) changeContact(@Input() input: RouteInput) {
    return this.send(routes.changeContact, input);
  }
  @Route(routes.reassign) reassign(@Input() input: RouteInput) {
    return this.send(routes.reassign, input);
  }
  @Route(routes.setCreditLimit) setCreditLimit(@Input() input: RouteInput) {
    return this.send(routes.setCreditLimit, input);
  }
  @Route(routes.recordSurvey) recordSurvey(@Input() input: RouteInput) {
    return this.send(routes.recordSurvey, input);
  }
  @Route(routes.forget) forget(@Input() input: RouteInput) {
    // An erasure applies at any revision and is idempotent: a precondition on the revision would only refuse it.
    if (input.expectedRevision !== undefined) {
      return reply(left({ kind: 'invalid-input', issues: [{ in: 'headers', path: ['if-match'], message: 'an erasure takes no If-Match: it applies at any revision and a repeat changes nothing' }] }));
    }
    return this.send(routes.forget, input);
  }
  @Route(routes.deactivate) deactivate(@Input() input: RouteInput) {
    return this.send(routes.deactivate, input);
  }
}
