import { Controller } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Actor } from '@salesbook/domain';
import { fromDomain, reply } from '../http/failures.js';
import { Input, type RouteInput } from '../http/input.js';
import { Route } from '../http/route-spec.js';
import { AggregateStateQuery, StreamHistoryQuery, type AuditReader } from './audit.handlers.js';
import {
  auditRoutes as routes,
  type HistoryQuery,
  type PersonalDataReadsQuery as ReadsFilter,
  type StateQuery,
} from './audit.routes.js';
import { PersonalDataReadsQuery } from './read-log.handlers.js';

/** Who asks (the guard set the actor on every non-public route) and through which route: the read log's purpose. */
const readerOf = (input: RouteInput, purpose: string): AuditReader => {
  if (input.actor === undefined) throw new Error('audit routes are never public');
  return { actor: input.actor as Actor, purpose };
};

/** History and state of any stream, as the caller may see it, and the personal data read log. */
@Controller()
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Route(routes.history) async history(@Input() input: RouteInput) {
    const { stream } = input.params as { stream: string };
    const { fromRevision, maxCount } = input.query as HistoryQuery;
    const reader = readerOf(input, `GET /audit/streams/${stream}/events`);
    return reply(
      fromDomain(await this.queries.execute(new StreamHistoryQuery(reader, stream, fromRevision, maxCount))),
    );
  }

  @Route(routes.state) async state(@Input() input: RouteInput) {
    const { stream } = input.params as { stream: string };
    const { asOf } = input.query as StateQuery;
    const point = asOf === undefined ? undefined : /^\d+$/.test(asOf) ? { revision: Number(asOf) } : { time: asOf };
    const reader = readerOf(input, `GET /audit/streams/${stream}/state`);
    return reply(fromDomain(await this.queries.execute(new AggregateStateQuery(reader, stream, point))));
  }

  @Route(routes.personalDataReads) async personalDataReads(@Input() input: RouteInput) {
    return this.queries.execute(new PersonalDataReadsQuery(input.query as ReadsFilter));
  }
}
