import type { Server } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ProjectionHost } from '@salesbook/projections';
import { ROLE_ACTORS, devTokenSeconds, devTokens } from './auth/dev-tokens.js';
import { createApp } from './bootstrap.js';
import type { ApiConfig } from './config/config.js';
import type { InfrastructureOverrides } from './infrastructure/infrastructure.module.js';
import { PROJECTION_RUNNER } from './infrastructure/tokens.js';

/** How long an idle keep-alive connection is kept, in ms. */
const KEEP_ALIVE_MS = 65_000;

/** A listening API and where it is. */
export interface Serving {
  readonly app: NestFastifyApplication;
  readonly url: string;
}

/** Starts the API on the configured port (shutdown hooks on) and says where it listens. */
export async function serve(
  config: ApiConfig,
  overrides: InfrastructureOverrides = {},
  host?: string,
): Promise<Serving> {
  const app = await createApp(config, overrides);
  app.enableShutdownHooks();
  // Idle keep-alive connections stay open longer than the clients and load balancers in front keep theirs (60 s is
  // the usual idle timeout): at Node's default of 5 s the server closes a connection just as a client sends its next
  // request on it, and that request fails with ECONNRESET (2 of 10,000 paced commands in one bench:api run).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // The headers timeout never exceeds the request timeout (Node would then expire a stalled body only after it).
  server.headersTimeout = Math.min(KEEP_ALIVE_MS + 1_000, config.http.requestTimeoutMs);
  await (host === undefined ? app.listen(config.port) : app.listen(config.port, host));
  const url = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  return { app, url };
}

/** Waits until every read model has caught up with the store. */
export const whenCaughtUp = (app: NestFastifyApplication): Promise<void> =>
  app.get<symbol, ProjectionHost>(PROJECTION_RUNNER).whenLive();

/** The lines a person needs: the URL, the docs, and in development one token per role. */
export async function welcome(config: ApiConfig, url: string): Promise<string[]> {
  const lines = [`Salesbook API listening on ${url} (docs: ${url}/docs)`];
  if (config.jwt.kind === 'secret' && config.jwt.generated) {
    lines.push(
      `Development mode: a secret was generated. Tokens (${devTokenSeconds(config.tokens) / 3_600} h), send as Authorization: Bearer <token>:`,
    );
    for (const [role, token] of await devTokens(config.jwt.secret, ROLE_ACTORS, config.tokens))
      lines.push(`  ${role.padEnd(17)} ${token}`);
  }
  return lines;
}
