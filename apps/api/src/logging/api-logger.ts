import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type Level, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { ApiConfig } from '../config/config.js';
import { readableLogDestination } from './readable-log.js';

/** Whether request logs (`info`) are written at `level`. */
const logsRequests = (level: ApiConfig['logLevel']): boolean =>
  level === 'info' || level === 'debug' || level === 'trace';

/**
 * The API's one pino logger: JSON lines on stdout in production, lines a person reads in development. Tokens and
 * cookies are redacted wherever a request's headers are logged.
 */
export function createApiLogger(
  config: Pick<ApiConfig, 'logLevel' | 'logFormat'>,
  out?: { write(text: string): unknown },
): Logger {
  const options = { level: config.logLevel, redact: ['req.headers.authorization', 'req.headers.cookie'] };
  if (config.logFormat === 'pretty') return pino(options, readableLogDestination(out ?? process.stdout));
  // pino's own destination (sonic-boom on file descriptor 1) unless a test passes one.
  return out === undefined ? pino(options) : pino(options, { write: (line: string) => void out.write(line) });
}

/**
 * What logs each request once it is answered (method, URL, status, time), or `undefined` when the level would drop
 * those lines: at a higher level a child logger would be built for every request and never written (14 KB of
 * garbage each, and young-GC pauses are the API's p99). Bodies and headers are never logged (personal data, tokens);
 * URLs carry ids only.
 */
export function requestLogger(
  logger: Logger,
  level: ApiConfig['logLevel'],
): ((request: IncomingMessage, response: ServerResponse) => void) | undefined {
  if (!logsRequests(level)) return undefined;
  return pinoHttp({
    logger,
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
    },
  });
}

/** The Nest levels and the pino level each is written at. */
const LEVEL_OF = {
  log: 'info',
  error: 'error',
  warn: 'warn',
  debug: 'debug',
  verbose: 'trace',
  fatal: 'fatal',
} as const satisfies Record<string, Level>;

/**
 * Nest's own messages (start-up, shutdown, errors it catches) written through the API's pino logger, each with its
 * context (`{ context: 'NestApplication', msg: '...' }`) as the readable format and the JSON consumers expect.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest passes the context last, and for `error` a stack before it. */
  private write(method: keyof typeof LEVEL_OF, message: unknown, params: readonly unknown[]): void {
    const level = LEVEL_OF[method];
    if (!this.logger.isLevelEnabled(level)) return;
    const last = params.at(-1);
    const context = params.length > 0 && typeof last === 'string' ? last : undefined;
    const rest = context === undefined ? params : params.slice(0, -1);
    const stack = method === 'error' && typeof rest[0] === 'string' ? rest[0] : undefined;
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (stack !== undefined)
      this.logger[level]({ context, err: { message: String(message), stack } }, String(message));
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context }, String(message));
  }
}
