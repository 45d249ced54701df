import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { ApiFailure } from '../http/failures.js';
import type { RouteInput } from '../http/input.js';
import type { RouteSpec } from '../http/route-spec.js';
import type { EventStore } from '@salesbook/eventstore';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { TeamRegister } from '../team/team-register.js';
import { withBusinessDate } from './business-dates.js';
import { bindCommandKey } from './idempotency-keys.js';
import type { AggregateCommand, CommandOutcome, CommandRequest } from './command-request.js';

/**
 * Turns a validated command route input into a command and sends it on the CommandBus. The actor comes
 * from the token; the business time from the clock here, or from the body for the `system` role (imports).
 * Business dates a command may omit (`reversedOn`, ...) are filled with the date in SALESBOOK_TIMEZONE.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly team: TeamRegister,
  ) {}

  async send(spec: RouteSpec, input: RouteInput, message: new (request: CommandRequest) => AggregateCommand): Promise<Either<ApiFailure, CommandOutcome>> {
    const built = this.request(spec, input);
    if (built._tag === 'Left') return built;
    // The access rules need the register's view at the business date: loaded here, once, for every aggregate.
    const request: CommandRequest = { ...built.right, access: await this.team.facts(built.right) };
    if (input.idempotencyKey !== undefined) {
      const bound = await bindCommandKey(this.store, request.commandId, spec, input, this.clock().toISOString());
      if (bound._tag === 'Left') return bound;
    }
    const reply = await this.bus.execute(new message(request));
    return reply._tag === 'Left' ? left({ kind: 'domain', error: reply.left }) : right(reply.right);
  }

  private request(spec: RouteSpec, input: RouteInput): Either<ApiFailure, Omit<CommandRequest, 'access'>> {
    const { actor, occurredAt } = input;
    if (spec.command === undefined || actor === undefined) throw new Error(`${spec.method} ${spec.path} is not a command route`);
    if (occurredAt !== undefined && actor.role !== 'system') {
      return left({ kind: 'forbidden', code: 'OCCURRED_AT_FORBIDDEN', message: 'only the system role (imports) may set occurredAt' });
    }
    // Scoped to the actor, so two clients' keys never meet; the same key again is the same command (bound by bindCommandKey).
    const commandId = input.idempotencyKey === undefined ? randomUUID() : `${actor.id}:${input.idempotencyKey}`;
    const at = occurredAt ?? this.clock().toISOString();
    return right({
      type: spec.command.type,
      data: withBusinessDate(spec.command.type, input.body, at, this.config.timeZone),
      metadata: { actor, occurredAt: at },
      commandId,
      ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
    });
  }
}
