import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { isLeft } from 'fp-ts/lib/Either.js';
import { checkActor, standingOn, type Actor } from '@salesbook/domain';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { TeamRegister, TeamRegisterUnreadable } from '../team/team-register.js';
import { STORE_RETRY_AFTER_SECONDS, toHttpException } from '../http/failures.js';
import { ACTOR_KEY } from '../http/input.js';
import { headerOf } from '../http/request.js';
import { ROUTE_SPEC, type RouteSpec } from '../http/route-spec.js';
import type { TokenVerifier } from './jwt.js';

/** Injection token of the {@link TokenVerifier}. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/**
 * Every route is closed unless its spec says otherwise: a bearer token (401 without a valid one) whose
 * role the route's audience lists (403 otherwise). On a read, a sales team member's token must also agree with
 * the team register today (active, same role and region; 403 `ACTOR_NOT_REGISTERED`), as the deciders require
 * of every command: the queries scope rows by the token's region, so a token claiming another region must not
 * widen them. Finer rules (own customers, own region) are the deciders' and the queries' business, with the
 * actor this guard leaves on the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    private readonly team: TeamRegister,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const spec = this.reflector.get<RouteSpec | undefined>(ROUTE_SPEC, context.getHandler());
    // Routes outside the table (Swagger UI's own) are public documentation.
    if (spec === undefined || spec.audience === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { [ACTOR_KEY]?: unknown }>();
    const [scheme, token] = (headerOf(request, 'authorization') ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || token === undefined || token === '') {
      throw toHttpException({ kind: 'unauthenticated', message: 'send Authorization: Bearer <token>' });
    }
    const verified = await this.verifier.verify(token);
    if ('refused' in verified) throw toHttpException({ kind: 'unauthenticated', message: verified.refused });
    if (!spec.audience.includes(verified.actor.role)) {
      throw toHttpException({
        kind: 'forbidden',
        code: 'ROLE_NOT_ALLOWED',
        message: `role ${verified.actor.role} may not ${spec.method} ${spec.path}`,
      });
    }
    // Commands are checked by their deciders at the command's own business date (and an empty register takes a
    // sales manager's own first entry); reads are checked here, today.
    if (spec.method === 'GET') await this.checkRegistered(verified.actor);
    request[ACTOR_KEY] = verified.actor;
    return true;
  }

  private async checkRegistered(actor: Actor): Promise<void> {
    const state = await this.team.stateForReads().catch((error: unknown) => {
      if (error instanceof TeamRegisterUnreadable)
        throw toHttpException({
          kind: 'unavailable',
          message: 'the team register cannot be read',
          retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
        });
      throw error;
    });
    const checked = checkActor(actor, {
      actor: standingOn(state, actor.id, this.team.businessDate(this.clock().toISOString())),
    });
    if (isLeft(checked))
      throw toHttpException({ kind: 'forbidden', code: checked.left.code, message: checked.left.message });
  }
}
