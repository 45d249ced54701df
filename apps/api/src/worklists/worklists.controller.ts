import { Controller, Inject, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { FastifyReply } from 'fastify';
import type { Actor } from '@salesbook/domain';
import { WORKLISTS, type ProjectionHost } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { toHttpException } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { API_CONFIG, CLOCK, PROJECTION_RUNNER, READ_MODELS, type Clock } from '../infrastructure/tokens.js';
import type { ReportDefinition } from '../reports/report-definition.js';

const SATISFACTION = 'satisfaction';
import { RunReportQuery } from '../reports/reports.handlers.js';
import { approvalsInbox } from './approvals.js';
import { complaintList, customerList, orderList, receivableList } from './lists.js';
import { myDay, myDayRoute, type MyDayReply } from './my-day.js';

/**
 * The work lists, the approvals inbox and "my day". The auth guard has checked the caller against the sales team
 * register today (a token whose role or region the register does not back gets 403 `ACTOR_NOT_REGISTERED`), so the
 * role scope a list applies is the register's. Lists run as reports do.
 */
@Controller()
export class WorklistsController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private actorOf(input: RouteInput): Actor {
    // Work lists are never public: the guard has set the actor.
    if (input.actor === undefined) throw new Error('a work list ran without an actor');
    return input.actor;
  }

  private async list(definition: ReportDefinition<never>, input: RouteInput, response: FastifyReply): Promise<void> {
    const actor = this.actorOf(input);
    const reply = await this.queries.execute(
      new RunReportQuery(definition as ReportDefinition, input.query, input.params, actor, input.minPosition),
    );
    response.headers({
      'Content-Type': 'application/json; charset=utf-8',
      ETag: reply.etag,
      'Cache-Control': 'private, no-cache',
      Vary: 'Authorization',
      'X-Report-Answer': reply.reused ? 'reused' : 'computed',
    });
    await response.send(reply.body);
  }

  @Route(customerList.route) customers(@Input() input: RouteInput, @Res() response: FastifyReply) {
    return this.list(customerList, input, response);
  }

  @Route(orderList.route) orders(@Input() input: RouteInput, @Res() response: FastifyReply) {
    return this.list(orderList, input, response);
  }

  @Route(receivableList.route) receivables(@Input() input: RouteInput, @Res() response: FastifyReply) {
    return this.list(receivableList, input, response);
  }

  @Route(complaintList.route) complaints(@Input() input: RouteInput, @Res() response: FastifyReply) {
    return this.list(complaintList, input, response);
  }

  @Route(approvalsInbox.route) approvals(@Input() input: RouteInput, @Res() response: FastifyReply) {
    return this.list(approvalsInbox, input, response);
  }

  @Route(myDayRoute) async myDay(@Input() input: RouteInput): Promise<MyDayReply> {
    const actor = this.actorOf(input);
    // "My day" also reads the satisfaction read model (follow-ups of unhappy answers): both must serve this release.
    const rebuilding = [WORKLISTS, SATISFACTION].filter((name) => !this.runner.servesCurrentVersion(name));
    if (rebuilding.length > 0) throw toHttpException({ kind: 'rebuilding', projections: rebuilding });
    return myDay(this.db, this.runner, actor, this.clock(), {
      zone: this.config.timeZone,
      followUpBusinessDays: this.config.followUpBusinessDays,
    });
  }
}
