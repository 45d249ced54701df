import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { ApiConfig } from './config/config.js';
import { buildOpenApiDocument } from './http/openapi.js';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module.js';
import { ROUTES } from './routes.js';

/** The API version in the OpenAPI document. */
export const API_VERSION = '0.1.0';

/**
 * Builds the Nest application (not yet listening): JSON bodies up to the configured limit, structured
 * logs, the OpenAPI document and its UI at /docs (served from swagger-ui-dist, offline).
 */
export async function createApp(config: ApiConfig, overrides: InfrastructureOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, overrides), { bodyParser: false, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Parse JSON whatever the declared type, so a form-encoded or typeless body is still checked (and refused) as JSON.
  app.useBodyParser('json', { limit: config.bodyLimitBytes, type: () => true });
  app.disable('x-powered-by');
  SwaggerModule.setup('docs', app, buildOpenApiDocument(ROUTES, API_VERSION), { jsonDocumentUrl: 'docs/openapi.json' });
  return app;
}
