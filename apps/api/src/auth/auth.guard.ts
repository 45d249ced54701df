import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { toHttpException } from '../http/failures.js';
import { ACTOR_KEY } from '../http/input.js';
import { headerOf } from '../http/request.js';
import { ROUTE_SPEC, type RouteSpec } from '../http/route-spec.js';
import type { TokenVerifier } from './jwt.js';

/** Injection token of the {@link TokenVerifier}. */
export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/**
 * Every route is closed unless its spec says otherwise: a bearer token (401 without a valid one) whose
 * role the route's audience lists (403 otherwise). Finer rules (own customers, own region) are the
 * deciders' and the queries' business, with the actor this guard leaves on the request.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
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
      throw toHttpException({ kind: 'forbidden', code: 'ROLE_NOT_ALLOWED', message: `role ${verified.actor.role} may not ${spec.method} ${spec.path}` });
    }
    request[ACTOR_KEY] = verified.actor;
    return true;
  }
}
