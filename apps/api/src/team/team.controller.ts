import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, TeamCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, readCommand, type RouteInput } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { TeamCommandMessage, teamOn, type TeamMemberRow } from './team.handlers.js';
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

  private async send<P extends CommandPayload<TeamCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), TeamCommandMessage));
  }

  @Route(routes.join) join(@Req() request: FastifyRequest) {
    return this.send(routes.join, request);
  }
  @Route(routes.transfer) transfer(@Req() request: FastifyRequest) {
    return this.send(routes.transfer, request);
  }
  @Route(routes.leave) leave(@Req() request: FastifyRequest) {
    return this.send(routes.leave, request);
  }
  @Route(routes.list) async list(@Input() input: RouteInput): Promise<{ on: string; members: TeamMemberRow[] }> {
    const query = input.query as { on?: string };
    const on = query.on ?? this.register.businessDate(this.clock().toISOString());
    if (input.actor === undefined) throw new Error('the team list needs an authenticated actor');
    return { on, members: teamOn(await this.register.stateForReads(), on, input.actor) };
  }
}
