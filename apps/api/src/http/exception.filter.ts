import { Catch, HttpException, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { StoreUnavailableError } from '@salesbook/eventstore';
import { toHttpException, type ApiFailure } from './failures.js';

interface BodyParserError {
  readonly type: string;
  readonly status: number;
  readonly limit?: number;
}

const isBodyParserError = (error: unknown): error is BodyParserError =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string' && typeof (error as { status?: unknown }).status === 'number';

const hasCode = (body: unknown): boolean => typeof body === 'object' && body !== null && 'code' in body;

/** What an error thrown outside the controllers' own mapping means for the client. */
function failureOf(thrown: unknown): ApiFailure | undefined {
  // Nest's Express adapter wraps body-parser's errors in an HttpException; the cause says what failed.
  const error = thrown instanceof HttpException && thrown.cause !== undefined ? thrown.cause : thrown;
  if (error !== thrown && error instanceof URIError) return { kind: 'invalid-input', issues: [{ in: 'params', path: [], message: 'the path is not validly percent-encoded' }] };
  if (isBodyParserError(error)) {
    if (error.type === 'entity.too.large') return { kind: 'too-large', limit: error.limit ?? 0 };
    if (error.type === 'entity.parse.failed') return { kind: 'malformed-json', message: 'the body is not valid JSON' };
    if (error.status >= 400 && error.status < 500) return { kind: 'malformed-json', message: `the body cannot be read (${error.type})` };
  }
  // The event store and the key store both say "unavailable" (locked, closed, a failed fsync): name neither path.
  if (error instanceof StoreUnavailableError) return { kind: 'unavailable', message: 'a store is unavailable; try again' };
  return undefined;
}

/**
 * Every error leaves as JSON through {@link toHttpException}: body-parser errors become 400/413, Nest's
 * unknown-route 404 gets our shape, and anything unexpected is logged and answered 500 without its details.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const exception = this.toException(error, host.switchToHttp().getRequest<Request>());
    response.status(exception.getStatus()).json(exception.getResponse());
  }

  private toException(error: unknown, request: Request): HttpException {
    const failure = failureOf(error);
    if (failure !== undefined) return toHttpException(failure);
    // Nest's own 404 (no such route) has no `code`; ours always do.
    if (error instanceof NotFoundException && !hasCode(error.getResponse())) return toHttpException({ kind: 'route-not-found', message: error.message });
    if (error instanceof HttpException) return error;
    // The route (ids only, never bodies) says where, also when request logs are off (a level above info).
    this.logger.error(`${request.method} ${request.originalUrl}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return toHttpException({ kind: 'internal' });
  }
}
