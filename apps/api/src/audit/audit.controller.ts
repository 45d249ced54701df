import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { fromDomain, reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { AggregateStateQuery, StreamHistoryQuery } from './audit.handlers.js';
import { auditRoutes as routes, type HistoryQuery, type StateQuery } from './audit.routes.js';

/** History and state of any stream, for auditors. */
@Controller()
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Route(routes.history) async history(@Input() input: RouteInput) {
    const { stream } = input.params as { stream: string };
    const { fromRevision, maxCount } = input.query as HistoryQuery;
    return reply(fromDomain(await this.queries.execute(new StreamHistoryQuery(stream, fromRevision, maxCount))));
  }

  @Route(routes.state) async state(@Input() input: RouteInput) {
    const { stream } = input.params as { stream: string };
    const { asOf } = input.query as StateQuery;
    const point = asOf === undefined ? undefined : /^\d+$/.test(asOf) ? { revision: Number(asOf) } : { time: asOf };
    return reply(fromDomain(await this.queries.execute(new AggregateStateQuery(stream, point))));
  }
}
