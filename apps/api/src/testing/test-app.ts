import type { INestApplication } from '@nestjs/common';
import type { Actor, ActorId, RegionId, Role } from '@salesbook/domain';
import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import { signToken } from '../auth/jwt.js';
import { createApp } from '../bootstrap.js';
import { loadConfig, type ApiConfig } from '../config/config.js';

/** The HS256 secret of every test API (tests that forge a token of their own sign with it). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-42';
const SECRET = TEST_JWT_SECRET;
/** The tests' master key (32 bytes in base64): the key store is in memory unless a test names a file. */
export const TEST_MASTER_KEY = Buffer.alloc(32, 7).toString('base64');

/** A running API on loopback (port 0), an in-memory store, key store and read models, and helpers to call it. */
export interface TestApi {
  readonly url: string;
  readonly store: EventStore;
  readonly app: INestApplication;
  token(actor: Actor): Promise<string>;
  /**
   * fetch with JSON body and a bearer token for `actor`. The body is `any` on purpose: tests assert
   * response shapes field by field, and a typed body would only be a cast that proves nothing.
   */
  call(method: string, path: string, options?: { actor?: Actor; body?: unknown; raw?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

/** An actor for tests. */
export const actor = (id: string, role: Role, region?: string): Actor =>
  region === undefined ? { id: id as ActorId, role } : { id: id as ActorId, role, region: region as RegionId };

/** The clock of the tests: every command without `occurredAt` happens at this instant. */
export const TEST_NOW = '2026-03-01T08:00:00.000Z';

/** Starts the API for a test (rate limit off unless `env` sets one); `env` adds or overrides variables; `store` replaces the in-memory store. */
export async function startTestApi(env: Record<string, string> = {}, clock: () => Date = () => new Date(TEST_NOW), given: { store?: EventStore } = {}): Promise<TestApi> {
  const config: ApiConfig = loadConfig(
    { SALESBOOK_EVENTSTORE: 'memory:', SALESBOOK_READMODELS: ':memory:', SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_LOG_LEVEL: 'silent', SALESBOOK_MIN_POSITION_WAIT_MS: '1000', SALESBOOK_KEYSTORE: ':memory:', SALESBOOK_MASTER_KEY: TEST_MASTER_KEY, SALESBOOK_RATE_LIMIT: '0', ...env },
    () => SECRET,
  );
  const store = given.store ?? createMemoryEventStore();
  const app = await createApp(config, { store, clock });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  const token = (who: Actor) => signToken(SECRET, who);
  return {
    url,
    store,
    app,
    token,
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.actor !== undefined) headers['authorization'] = `Bearer ${await token(options.actor)}`;
      const body = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        // Not JSON (the docs' HTML): keep the text.
      }
      return { status: response.status, body: parsed, headers: response.headers };
    },
    close: () => app.close(),
  };
}
