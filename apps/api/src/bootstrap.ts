import 'reflect-metadata';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { ApiConfig } from './config/config.js';
import { answerClientError, noteLanguages } from './http/client-errors.js';
import { frameworkRefusal, sendRefusal } from './http/exception.filter.js';
import { toHttpException } from './http/failures.js';
import { hardenHttp } from './http/hardening.js';
import { createApiLogger, PinoNestLogger, requestLogger } from './logging/api-logger.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { isFormBody, parseFormBody, parseJsonBody } from './http/request.js';
import { PUBLIC_SURVEY_PREFIX } from './surveys/survey-campaign-reader.js';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module.js';
import type { EventStore } from '@salesbook/eventstore';
import { openEventStore, openKeyStore } from './infrastructure/open-store.js';
import { closeReadSide, openReadSide, type ReadSide } from './infrastructure/read-side.js';
import { ROUTES } from './routes.js';

/** Development mode's master key warning, once per start. */
const warn = (line: string): void => {
  process.stderr.write(`salesbook-api: ${line}\n`);
};

/** Whether a request announces a body (a length above zero, or chunks). */
const carriesBody = (headers: IncomingHttpHeaders): boolean =>
  headers['transfer-encoding'] !== undefined ||
  (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/** Longer path parameters than Fastify's default of 100 characters reach the route (Node caps the URL itself). */
const MAX_PARAM_LENGTH = 16_384;

/** The API version in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/**
 * Builds the Nest application on Fastify (not yet listening): JSON bodies up to the configured limit, structured
 * logs, the OpenAPI document and its UI at /docs (served from swagger-ui-dist, offline).
 */
export async function createApp(
  config: ApiConfig,
  overrides: InfrastructureOverrides = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    // A malformed URL is refused by the router before any route or filter runs: answered in the API's shape here.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) =>
      sendRefusal(reply, frameworkRefusal(error)),
    // `/customers/` finds `/customers`; an id of any length reaches its schema (400 with the issue, not 414).
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    // A request that has not fully arrived in time (a stalled body) is answered 408; Node looks for them every
    // checking interval, so that is kept well under the timeout.
    requestTimeout: config.http.requestTimeoutMs,
    http: { connectionsCheckingInterval: Math.min(1_000, Math.ceil(config.http.requestTimeoutMs / 4)) },
    clientErrorHandler: answerClientError,
  });
  const keys = overrides.keys ?? (await openKeyStore(config.keyStore, warn));
  let app: NestFastifyApplication;
  let store: EventStore | undefined;
  let readSide: ReadSide | undefined;
  try {
    store = overrides.store ?? (await openEventStore(config.store));
    readSide = await openReadSide(config, store, { storeFromConfig: overrides.store === undefined });
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule.forRoot(config, { ...overrides, keys, store, readSide }),
      adapter,
      { bodyParser: false, bufferLogs: true },
    );
  } catch (error) {
    // The app owns the stores once it exists (closed on shutdown); before that, this does.
    if (readSide !== undefined) await closeReadSide(readSide);
    if (overrides.store === undefined) await store?.close();
    if (overrides.keys === undefined) await keys.close();
    throw error;
  }
  const logger = createApiLogger(config);
  app.useLogger(new PinoNestLogger(logger));
  const logRequest = requestLogger(logger, config.logLevel);
  if (logRequest !== undefined)
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (request, reply, done) => {
        logRequest(request.raw, reply.raw);
        done();
      });
  // Node expires a request only by the headers timeout while that is the longer one (60 s by default).
  const server = app.getHttpServer() as Server;
  server.headersTimeout = Math.min(server.headersTimeout, config.http.requestTimeoutMs);
  await hardenHttp(app.getHttpAdapter().getInstance(), config.http);
  // Every content type is read as JSON (see parseJsonBody) but the survey page's form, Fastify's own parsers included; Fastify
  // refuses a body over the limit with 413.
  app.getHttpAdapter().getInstance().removeAllContentTypeParsers();
  app.useBodyParser('*', { bodyLimit: config.bodyLimitBytes }, (request, body, done) => {
    try {
      // The public survey page posts an HTML form; everywhere else a form body is still read (and refused) as JSON.
      const form = request.url.startsWith(PUBLIC_SURVEY_PREFIX) && isFormBody(request.headers['content-type']);
      done(null, form ? parseFormBody(body) : parseJsonBody(body));
    } catch (error) {
      done(error instanceof Error ? error : new Error(String(error)), undefined);
    }
  });
  // Fastify reads no body on GET or HEAD. One sent anyway is refused, not ignored: every body the API takes is JSON
  // within the limit, whatever the method (a client that sends one has made a mistake worth hearing about).
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if ((request.method === 'GET' || request.method === 'HEAD') && carriesBody(request.headers)) {
        sendRefusal(
          reply,
          toHttpException({
            kind: 'invalid-input',
            issues: [{ in: 'body', path: [], message: `a ${request.method} request takes no body` }],
          }),
        );
        return;
      }
      done();
    });
  noteLanguages(app.getHttpAdapter().getInstance());
  SwaggerModule.setup('docs', app, buildOpenApiDocument(ROUTES, API_VERSION), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
