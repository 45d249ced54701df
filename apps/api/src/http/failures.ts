import { HttpException } from '@nestjs/common';
import { mapLeft, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '@salesbook/domain';

/** One problem with the input: where (`body`, `query`, `params`, `headers`), the path inside it, and what is wrong. */
export interface InputIssue {
  readonly in: 'body' | 'query' | 'params' | 'headers';
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** Every way a request can fail, before it is HTTP. */
export type ApiFailure =
  | { readonly kind: 'invalid-input'; readonly issues: readonly InputIssue[] }
  | { readonly kind: 'malformed-json'; readonly message: string }
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'unauthenticated'; readonly message: string }
  | { readonly kind: 'forbidden'; readonly code: string; readonly message: string }
  | { readonly kind: 'route-not-found'; readonly message: string }
  | { readonly kind: 'domain'; readonly error: DomainError }
  | { readonly kind: 'key-reused'; readonly message: string; readonly boundAt: string }
  | { readonly kind: 'rate-limited'; readonly retryAfterSeconds: number; readonly limit: number }
  | { readonly kind: 'unavailable'; readonly message: string; readonly retryAfterSeconds: number }
  | { readonly kind: 'rebuilding'; readonly projections: readonly string[] }
  | { readonly kind: 'internal' };

/**
 * How long a client should wait after a store failed (the event store's own retries of an append, NotLeader and
 * timeouts included, have run by then): a leader election or a restart is usually over within it.
 */
export const STORE_RETRY_AFTER_SECONDS = 2;

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string;
  readonly issues?: readonly InputIssue[];
  readonly details?: Readonly<Record<string, unknown>>;
}

const AGGREGATE_NOT_FOUND =
  /^(CUSTOMER|CUSTOMER_FOLLOW_UP|ORDER|RECEIVABLE|COMPLAINT|STREAM|ORDER_CUSTOMER|COMPLAINT_CUSTOMER|PRODUCT|PRICELIST|PROMOTION|COMMISSION_PLAN|CAMPAIGN|CAMPAIGN_INVITATION|COMPETITION|OPPORTUNITY|OPPORTUNITY_CUSTOMER|QUOTATION|ACTION)_NOT_FOUND$|^TARGET_NOT_SET$/;

/** Refusals of the access rules: outside the caller's scope (whether or not the record exists), or a token the register does not back. */
const ACCESS_REFUSALS: ReadonlySet<string> = new Set([
  'FORBIDDEN_SCOPE',
  'ACTOR_NOT_REGISTERED',
  'TEAM_BOOTSTRAP_REQUIRED',
]);

/** The status of a refusal: unknown ids 404, authority 403, malformed as-of 400, every other rule or conflict 409. */
function domainStatus(code: string): number {
  if (AGGREGATE_NOT_FOUND.test(code)) return 404;
  if (code.endsWith('_NOT_AUTHORIZED') || code.endsWith('_FORBIDDEN') || ACCESS_REFUSALS.has(code)) return 403;
  if (code === 'AS_OF_INVALID') return 400;
  return 409;
}

function describe(failure: ApiFailure): ErrorBody {
  switch (failure.kind) {
    case 'invalid-input':
      return {
        statusCode: 400,
        code: 'INVALID_INPUT',
        message: `${failure.issues.length} problem(s) with the request`,
        issues: failure.issues,
      };
    case 'malformed-json':
      return { statusCode: 400, code: 'MALFORMED_JSON', message: failure.message };
    case 'too-large':
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `the body exceeds ${failure.limit} bytes` };
    case 'unauthenticated':
      return { statusCode: 401, code: 'UNAUTHENTICATED', message: failure.message };
    case 'forbidden':
      return { statusCode: 403, code: failure.code, message: failure.message };
    case 'route-not-found':
      return { statusCode: 404, code: 'ROUTE_NOT_FOUND', message: failure.message };
    case 'domain': {
      const { code, message, details } = failure.error;
      return details === undefined
        ? { statusCode: domainStatus(code), code, message }
        : { statusCode: domainStatus(code), code, message, details };
    }
    case 'key-reused':
      return {
        statusCode: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        message: failure.message,
        details: { boundAt: failure.boundAt },
      };
    case 'rate-limited':
      return {
        statusCode: 429,
        code: 'RATE_LIMITED',
        message: `more than ${failure.limit} requests a minute from this client or token; try again in ${failure.retryAfterSeconds} s`,
        details: { retryAfterSeconds: failure.retryAfterSeconds },
      };
    case 'unavailable':
      return {
        statusCode: 503,
        code: 'STORE_UNAVAILABLE',
        message: failure.message,
        details: { retryAfterSeconds: failure.retryAfterSeconds },
      };
    case 'rebuilding':
      return {
        statusCode: 503,
        code: 'READ_MODEL_REBUILDING',
        message: `the read model(s) ${failure.projections.join(', ')} are being rebuilt for this release; try again shortly (GET /projections/status shows progress)`,
        details: { projections: failure.projections },
      };
    case 'internal':
      return { statusCode: 500, code: 'INTERNAL_ERROR', message: 'the server failed; the error is logged' };
  }
}

/** The one place a failure becomes HTTP: status and JSON body. */
export function toHttpException(failure: ApiFailure): HttpException {
  const body = describe(failure);
  return new HttpException(body, body.statusCode);
}

/** The value of a successful result, or the failure thrown as HTTP: how controllers answer. */
export function reply<T>(result: Either<ApiFailure, T>): T {
  if (result._tag === 'Left') throw toHttpException(result.left);
  return result.right;
}

/** A query's or command's refusal as an {@link ApiFailure}. */
export const fromDomain = <T>(result: Either<DomainError, T>): Either<ApiFailure, T> =>
  mapLeft((error: DomainError): ApiFailure => ({ kind: 'domain', error }))(result);
