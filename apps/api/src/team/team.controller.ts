import { Controller, Inject } from '@nestjs/common';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route, type RouteSpec } from '../http/route-spec.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { TeamCommand, teamOn, type TeamMemberRow } from './team.handlers.js';
import { TeamRegister } from './team-register.js';
import { teamRoutes as routes } from './team.routes.js';

/** The sales team register over HTTP: managers change it, everyone in scope lists it. */
@Controller()
export class TeamController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly register: TeamRegister,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async send(spec: RouteSpec, input: RouteInput): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, input, TeamCommand));
  }

  @Route(routes.join) join(@Input() input: RouteInput) {
    return this.send(routes.join, input);
  }
  @Route(routes.transfer) transfer(@Input() input: RouteInput) {
    return this.send(routes.transfer, input);
  }
  @Route(routes.leave) leave(@Input() input: RouteInput) {
    return this.send(routes.leave, input);
  }
  @Route(routes.list) async list(@Input() input: RouteInput): Promise<{ on: string; members: TeamMemberRow[] }> {
    const query = input.query as { on?: string };
    const on = query.on ?? this.register.businessDate(this.clock().toISOString());
    if (input.actor === undefined) throw new Error('the team list needs an authenticated actor');
    return { on, members: teamOn(await this.register.state(), on, input.actor) };
  }
}
