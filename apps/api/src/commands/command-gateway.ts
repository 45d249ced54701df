import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { CommandPayload } from '@salesbook/domain';
import type { EventStore } from '@salesbook/eventstore';
import type { ApiFailure } from '../http/failures.js';
import type { CommandInput } from '../http/input.js';
import type { RouteSpec } from '../http/route-spec.js';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { TeamRegister } from '../team/team-register.js';
import type { CommandOutcome, CommandReply, CommandRequest } from './command-request.js';
import { bindCommandKey } from './idempotency-keys.js';

/**
 * Sends a validated command input on the CommandBus as its aggregate's message. The actor comes from the
 * token; the business time from the clock here, or from the body for the `system` role (imports). The
 * sales team register's access facts are loaded here, once per command, as a typed part of the request.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly bus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly team: TeamRegister,
  ) {}

  async send<P extends CommandPayload>(
    spec: RouteSpec,
    input: CommandInput<P>,
    message: new (request: CommandRequest<P>) => Command<CommandReply>,
  ): Promise<Either<ApiFailure, CommandOutcome>> {
    const built = this.request(input);
    if (built._tag === 'Left') return built;
    // The access rules need the register's view at the business date: loaded here, once, for every aggregate.
    const request: CommandRequest<P> = {
      ...built.right,
      access: await this.team.facts({ ...built.right.payload, metadata: built.right.metadata }),
    };
    if (input.idempotencyKey !== undefined) {
      const named = { params: input.params, body: input.payload.data, occurredAt: input.occurredAt };
      const bound = await bindCommandKey(this.store, request.commandId, spec, named, this.clock().toISOString());
      if (bound._tag === 'Left') return bound;
    }
    const reply = await this.bus.execute(new message(request));
    return reply._tag === 'Left' ? left({ kind: 'domain', error: reply.left }) : right(reply.right);
  }

  private request<P extends CommandPayload>(
    input: CommandInput<P>,
  ): Either<ApiFailure, Omit<CommandRequest<P>, 'access'>> {
    const { actor, occurredAt } = input;
    if (actor === undefined) throw new Error(`${input.payload.type} reached the command gateway without an actor`);
    if (occurredAt !== undefined && actor.role !== 'system') {
      return left({
        kind: 'forbidden',
        code: 'OCCURRED_AT_FORBIDDEN',
        message: 'only the system role (imports) may set occurredAt',
      });
    }
    // Scoped to the actor, so two clients' keys never meet; the same key again is the same command (bound by bindCommandKey).
    const commandId = input.idempotencyKey === undefined ? randomUUID() : `${actor.id}:${input.idempotencyKey}`;
    return right({
      payload: input.payload,
      metadata: { actor, occurredAt: occurredAt ?? this.clock().toISOString() },
      commandId,
      ...(input.expectedRevision === undefined ? {} : { expectedRevision: input.expectedRevision }),
    });
  }
}
