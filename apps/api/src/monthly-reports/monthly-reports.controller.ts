import { Controller, Inject, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { isLeft } from 'fp-ts/lib/Either.js';
import {
  monthlyReportDecider,
  monthlyReportEventRegistry,
  monthlyReportStream,
  type Actor,
  type CommandPayload,
  type MonthlyReportCommand,
} from '@salesbook/domain';
import { loadAggregate, type EventCodec, type EventStore } from '@salesbook/eventstore';
import { CommandGateway } from '../commands/command-gateway.js';
import type { CommandOutcome } from '../commands/command-request.js';
import { reply } from '../http/failures.js';
import { Input, readCommand, type RouteInput } from '../http/input.js';
import { Route, type CommandRouteSpec } from '../http/route-spec.js';
import { EVENT_CODEC, EVENT_STORE } from '../infrastructure/tokens.js';
import { TeamRegister } from '../team/team-register.js';
import type { MonthlyReportsAnswer } from './monthly-reports.answers.js';
import { MonthlyReportCommandMessage, monthlyReportRow } from './monthly-reports.handlers.js';
import { monthlyReportRoutes as routes } from './monthly-reports.routes.js';

/** Submitted monthly reports over HTTP: regional managers submit, sales managers accept or return, managers list in scope. */
@Controller()
export class MonthlyReportsController {
  constructor(
    private readonly commands: CommandGateway,
    private readonly team: TeamRegister,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_CODEC) private readonly codec: EventCodec,
  ) {}

  private async send<P extends CommandPayload<MonthlyReportCommand>>(
    spec: CommandRouteSpec<P>,
    request: FastifyRequest,
  ): Promise<CommandOutcome> {
    return reply(await this.commands.send(spec, readCommand(spec, request), MonthlyReportCommandMessage));
  }

  @Route(routes.submit) submit(@Req() request: FastifyRequest) {
    return this.send(routes.submit, request);
  }
  @Route(routes.accept) accept(@Req() request: FastifyRequest) {
    return this.send(routes.accept, request);
  }
  @Route(routes.return) sendBack(@Req() request: FastifyRequest) {
    return this.send(routes.return, request);
  }
  @Route(routes.list) async list(@Input() input: RouteInput): Promise<MonthlyReportsAnswer> {
    const { month } = input.query as { month: string };
    if (input.actor === undefined) throw new Error('the monthly reports list needs an authenticated actor');
    const reports = [];
    for (const region of await this.regionsOf(input.actor)) {
      const loaded = await loadAggregate({
        store: this.store,
        codec: this.codec,
        decider: monthlyReportDecider,
        registry: monthlyReportEventRegistry,
        streamName: monthlyReportStream(month, region),
      });
      if (isLeft(loaded)) throw new Error(`${monthlyReportStream(month, region)}: ${loaded.left.code}`);
      reports.push(monthlyReportRow(region, loaded.right.state));
    }
    return { month, reports };
  }

  /** Every region the team register ever named; a regional manager's own only. */
  private async regionsOf(reader: Actor): Promise<string[]> {
    if (reader.role === 'regional_manager') return reader.region === undefined ? [] : [reader.region];
    const register = await this.team.state();
    const regions = new Set(
      Object.values(register.members).flatMap((spells) =>
        spells.flatMap((spell) => (spell.region === undefined ? [] : [spell.region])),
      ),
    );
    return [...regions].sort();
  }
}
