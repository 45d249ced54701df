import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { CommandPayload, PeriodCommand } from '@salesbook/domain';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, readCommand, type RouteInput } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { TeamRegister } from '../team/team-register.js';
import type { PeriodsAnswer } from './periods.answers.js';
import { monthsBetween, PeriodCommandMessage, periodRow } from './periods.handlers.js';
import { PeriodRegister } from './period-register.js';
import { periodRoutes as routes } from './periods.routes.js';

/** The month `months` before `month` (`YYYY-MM`). */
const monthsBefore = (month: string, months: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The period close over HTTP: finance closes, a sales manager and finance reopen, everyone who reads reports lists. */
@Controller()
export class PeriodsController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly periods: PeriodRegister,
    private readonly team: TeamRegister,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async send<P extends CommandPayload<PeriodCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), PeriodCommandMessage));
  }

  @Route(routes.close) close(@Req() request: FastifyRequest) {
    return this.send(routes.close, request);
  }
  @Route(routes.requestReopening) requestReopening(@Req() request: FastifyRequest) {
    return this.send(routes.requestReopening, request);
  }
  @Route(routes.approveReopening) approveReopening(@Req() request: FastifyRequest) {
    return this.send(routes.approveReopening, request);
  }
  @Route(routes.list) async list(@Input() input: RouteInput): Promise<PeriodsAnswer> {
    const query = input.query as { from?: string; to?: string };
    const to = query.to ?? this.team.businessDate(this.clock().toISOString()).slice(0, 7);
    const from = query.from ?? monthsBefore(to, 11);
    const state = await this.periods.state();
    return { from, to, months: monthsBetween(from, to).map((month) => periodRow(state, month)) };
  }
}
