import { createHash } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { HttpLimits } from '../config/hardening.js';
import { sendRefusal } from './exception.filter.js';
import { toHttpException } from './failures.js';
import { headerOf } from './request.js';

/**
 * The API's Content-Security-Policy: scripts, styles and everything else from this origin only. Swagger UI at
 * `/docs` loads its scripts as files from here but sets styles inline, so inline styles are allowed (never inline
 * scripts); its icons are data: images. The dashboard sends a stricter policy of its own.
 */
const API_CSP = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    scriptSrcAttr: ["'none'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

/**
 * The security headers of every answer, as helmet sets them for the API's policy: CSP, HSTS, nosniff, frame and
 * referrer policies, ... None depends on the request (no nonces), so helmet runs once, here, on a response that is
 * never sent, and each answer gets the same header set: `@fastify/helmet` built helmet's middleware again for every
 * request (4% of a registration's CPU in a profile under load).
 */
export function securityHeaders(): Readonly<Record<string, string>> {
  const response = new ServerResponse(new IncomingMessage(new Socket()));
  helmet({ contentSecurityPolicy: API_CSP, crossOriginEmbedderPolicy: false })(response.req, response, (error) => {
    if (error !== undefined) throw error;
  });
  return Object.fromEntries(Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]));
}

/** The limiter's window: SALESBOOK_RATE_LIMIT counts requests per minute. */
const RATE_WINDOW_MS = 60_000;

/** A bearer token's bucket: a digest, so the limiter's memory never holds a credential. */
const tokenBucket = (request: FastifyRequest): string => {
  const token = /^bearer\s+(\S+)$/i.exec(headerOf(request, 'authorization') ?? '')?.[1];
  return token === undefined ? '' : createHash('sha256').update(token).digest('base64url');
};

/**
 * Security headers on every answer ({@link securityHeaders}, set before anything else runs, so refusals carry them too) and, unless
 * `limits.ratePerMinute` is 0, a rate limit per client address and per bearer token (`@fastify/rate-limit`'s
 * counters), checked before the body is read: over it, 429 `RATE_LIMITED` with `Retry-After` in seconds.
 */
export async function hardenHttp(fastify: FastifyInstance, limits: HttpLimits): Promise<void> {
  const headers = securityHeaders();
  fastify.addHook('onRequest', (_request, reply, done) => {
    void reply.headers(headers);
    done();
  });
  if (limits.ratePerMinute === 0) return;
  await fastify.register(rateLimit, { global: false });
  const common = { max: limits.ratePerMinute, timeWindow: RATE_WINDOW_MS };
  const perAddress = fastify.createRateLimit({ ...common, keyGenerator: (request) => `address:${request.ip}` });
  const perToken = fastify.createRateLimit({ ...common, keyGenerator: (request) => `token:${tokenBucket(request)}` });
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const checks = [await perAddress(request), ...(tokenBucket(request) === '' ? [] : [await perToken(request)])];
    const over = checks.find((check) => !check.isAllowed && check.isExceeded);
    if (over === undefined || over.isAllowed) return;
    void reply.header('retry-after', String(over.ttlInSeconds));
    sendRefusal(
      reply,
      toHttpException({ kind: 'rate-limited', retryAfterSeconds: over.ttlInSeconds, limit: limits.ratePerMinute }),
    );
    return reply;
  });
}
