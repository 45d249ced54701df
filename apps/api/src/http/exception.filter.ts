import {
  Catch,
  HttpException,
  Inject,
  Logger,
  NotFoundException,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StoreUnavailableError } from '@salesbook/eventstore';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG } from '../infrastructure/tokens.js';
import { localeOf } from '../i18n/locale.js';
import { localizeError } from '../i18n/localize.js';
import { isClientAbort } from './client-errors.js';
import { STORE_RETRY_AFTER_SECONDS, toHttpException, type ApiFailure, type ErrorBody } from './failures.js';
import { headerOf, MalformedBodyError } from './request.js';

/** An error Fastify raised itself (body limit, content length, a malformed URL): its code and status. */
interface FrameworkError {
  readonly code: string;
  readonly statusCode: number;
}

const isFrameworkError = (error: unknown): error is FrameworkError => {
  const { code, statusCode } = (error instanceof Error ? error : {}) as { code?: unknown; statusCode?: unknown };
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number';
};

const hasCode = (body: unknown): boolean => typeof body === 'object' && body !== null && 'code' in body;

/** What Fastify's router refused before any route ran (a malformed URL), answered as every other refusal. */
export function frameworkRefusal(error: { readonly code: string; readonly message: string }): HttpException {
  const message = error.code === 'FST_ERR_BAD_URL' ? 'the path is not validly percent-encoded' : error.message;
  return toHttpException({ kind: 'invalid-input', issues: [{ in: 'params', path: [], message }] });
}

const isErrorBody = (body: unknown): body is ErrorBody =>
  hasCode(body) && typeof (body as { message?: unknown }).message === 'string';

/** The seconds of a refusal's `details.retryAfterSeconds`, sent as `Retry-After` too. */
const retryAfterOf = (body: unknown): number | undefined => {
  const details: unknown = isErrorBody(body) ? body.details : undefined;
  const seconds: unknown =
    typeof details === 'object' && details !== null ? Reflect.get(details, 'retryAfterSeconds') : undefined;
  return typeof seconds === 'number' ? seconds : undefined;
};

/**
 * Answers `exception` as JSON: its status and its body, the message in the language of the request's `Accept-Language`,
 * and `Retry-After` when the refusal says when to try again.
 */
export function sendRefusal(reply: FastifyReply, exception: HttpException): void {
  const locale = localeOf(headerOf(reply.request, 'accept-language'));
  const body = exception.getResponse();
  const retryAfter = retryAfterOf(body);
  if (retryAfter !== undefined) void reply.header('retry-after', String(retryAfter));
  void reply
    .status(exception.getStatus())
    .header('content-language', locale)
    .send(isErrorBody(body) ? localizeError(body, locale) : body);
}

/** What an error thrown outside the controllers' own mapping means for the client. */
function failureOf(thrown: unknown, bodyLimitBytes: number): ApiFailure | undefined {
  // Nest's Fastify adapter wraps Fastify's own 4xx errors (and the body parser's) in an HttpException; the cause says what failed.
  const error = thrown instanceof HttpException && thrown.cause !== undefined ? thrown.cause : thrown;
  if (error instanceof MalformedBodyError) return { kind: 'malformed-json', message: error.message };
  if (isFrameworkError(error)) {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return { kind: 'too-large', limit: bodyLimitBytes };
    if (error.statusCode >= 400 && error.statusCode < 500)
      return { kind: 'malformed-json', message: `the body cannot be read (${error.code})` };
  }
  // The event store and the key store both say "unavailable" (locked, closed, a failed fsync): name neither path.
  if (error instanceof StoreUnavailableError) {
    return {
      kind: 'unavailable',
      message: `a store is unavailable; try again in ${STORE_RETRY_AFTER_SECONDS} s`,
      retryAfterSeconds: STORE_RETRY_AFTER_SECONDS,
    };
  }
  return undefined;
}

/**
 * Every error leaves as JSON through {@link toHttpException}: Fastify's own refusals (body too large, unreadable,
 * a malformed URL) and an unparsable body become 400/413, Nest's unknown-route 404 gets our shape, and anything
 * unexpected is logged and answered 500 without its details. A client that went away is logged at info, without a stack.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    if (isClientAbort(error, request)) {
      this.logger.log(
        `${request.method} ${request.url}: the client went away before the request arrived (${error instanceof Error ? error.message : String(error)})`,
      );
      return;
    }
    sendRefusal(
      host.switchToHttp().getResponse<FastifyReply>(),
      this.toException(error, host.switchToHttp().getRequest<FastifyRequest>()),
    );
  }

  private toException(error: unknown, request: FastifyRequest): HttpException {
    const failure = failureOf(error, this.config.bodyLimitBytes);
    if (failure !== undefined) return toHttpException(failure);
    // Nest's own 404 (no such route) has no `code`; ours always do.
    if (error instanceof NotFoundException && !hasCode(error.getResponse()))
      return toHttpException({ kind: 'route-not-found', message: error.message });
    if (error instanceof HttpException) return error;
    // The route (ids only, never bodies) says where, also when request logs are off (a level above info).
    this.logger.error(
      `${request.method} ${request.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return toHttpException({ kind: 'internal' });
  }
}
