import type { INestApplication } from '@nestjs/common';
import {
  JoinTeam,
  salesbookEventRegistry,
  teamDecider,
  teamEventRegistry,
  TEAM_STREAM,
  type Actor,
  type ActorId,
  type RegionId,
  type Role,
  type TeamCommand,
} from '@salesbook/domain';
import { createEventCodec, createMemoryEventStore, handleCommand, type EventStore } from '@salesbook/eventstore';
import { signToken } from '../auth/jwt.js';
import { createApp } from '../bootstrap.js';
import { loadConfig, type ApiConfig } from '../config/config.js';
import { openEventStore } from '../infrastructure/open-store.js';

/** The HS256 secret of every test API (tests that forge a token of their own sign with it). */
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-42';
const SECRET = TEST_JWT_SECRET;
/** The key the test API signs survey links with (tests that forge a link sign with another). */
export const TEST_SURVEY_LINK_SECRET = 'test-survey-links-test-survey-links-42';
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
  call(
    method: string,
    path: string,
    options?: { actor?: Actor; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
  /** Runs `act` with the API's clock at `instant` (e.g. to place orders before the shipments the fixtures date). */
  at<T>(instant: string, act: () => Promise<T>): Promise<T>;
}

/**
 * When the fixtures' orders are placed: their shipments and deliveries are dated in February 2026, and a
 * shipment may not be dated before its order was placed.
 */
export const ORDERS_PLACED_AT = '2026-02-01T08:00:00.000Z';

/** An actor for tests. */
export const actor = (id: string, role: Role, region?: string): Actor =>
  region === undefined ? { id: id as ActorId, role } : { id: id as ActorId, role, region: region as RegionId };

/**
 * The sales team register every test API starts with (from 2020-01-01), entered by the system: the people the
 * tests act as. `sm-1` comes first, as an empty register takes only a sales manager.
 */
export const TEST_TEAM: readonly { memberId: string; role: Role; region?: string }[] = [
  { memberId: 'sm-1', role: 'sales_manager' },
  { memberId: 'sm-01', role: 'sales_manager' },
  { memberId: 'rm-east', role: 'regional_manager', region: 'east' },
  { memberId: 'rm-west', role: 'regional_manager', region: 'west' },
  { memberId: 'rep-1', role: 'sales_rep', region: 'east' },
  { memberId: 'rep-2', role: 'sales_rep', region: 'east' },
  { memberId: 'rep-3', role: 'sales_rep', region: 'west' },
  { memberId: 'rep-east-01', role: 'sales_rep', region: 'east' },
  { memberId: 'rep-east-02', role: 'sales_rep', region: 'east' },
  { memberId: 'rep-west-01', role: 'sales_rep', region: 'west' },
  { memberId: 'an-1', role: 'market_analyst' },
  { memberId: 'analyst-01', role: 'market_analyst' },
];

/**
 * Enters {@link TEST_TEAM} into `store` as the system, through the register's decider (written before the API
 * starts, so the tests' first command finds it); a register that already has people (a shared store) is kept.
 */
async function registerTestTeam(store: EventStore): Promise<void> {
  if (await store.streamExists(TEAM_STREAM)) return;
  for (const member of TEST_TEAM) await joinTeam(store, member);
}

/** The codec the test register is written with (made once: every test API enters twelve members). */
const TEAM_CODEC = createEventCodec(salesbookEventRegistry);

/** Enters one member into `store`'s team register as the system, through the decider (its first must be a sales manager). */
export async function joinTeam(
  store: EventStore,
  member: { readonly memberId: string; readonly role: Role; readonly region?: string },
): Promise<void> {
  const command: TeamCommand = {
    type: 'JoinTeam',
    data: JoinTeam.parse({ ...member, joinedOn: '2020-01-01' }),
    metadata: { actor: actor('system', 'system'), occurredAt: '2020-01-01T00:00:00.000Z' },
  };
  const joined = await handleCommand({
    store,
    codec: TEAM_CODEC,
    decider: teamDecider,
    registry: teamEventRegistry,
    streamName: TEAM_STREAM,
    command,
    commandId: `test-team-${member.memberId}`,
  });
  if (joined._tag === 'Left') throw new Error(`test team: ${member.memberId}: ${joined.left.code}`);
}

/** The clock of the tests: every command without `occurredAt` happens at this instant. */
export const TEST_NOW = '2026-03-01T08:00:00.000Z';

/**
 * Starts the API for a test with {@link TEST_TEAM} on the register (unless `emptyRegister`), rate limit off unless
 * `env` sets one; `env` adds or overrides variables; `store` replaces the in-memory store. With `ownStore`, the API
 * opens the store `SALESBOOK_EVENTSTORE` names itself, as in production (with SQLite files its projections then run
 * on a thread of their own), and the answer's `store` is a second connection to it, closed with the API.
 */
export async function startTestApi(
  env: Record<string, string> = {},
  clock: () => Date = () => new Date(TEST_NOW),
  given: { store?: EventStore; emptyRegister?: boolean; ownStore?: boolean } = {},
): Promise<TestApi> {
  const config: ApiConfig = loadConfig(
    {
      SALESBOOK_EVENTSTORE: 'memory:',
      SALESBOOK_READMODELS: ':memory:',
      SALESBOOK_JWT_SECRET: SECRET,
      SALESBOOK_SURVEY_LINK_SECRET: TEST_SURVEY_LINK_SECRET,
      SALESBOOK_LOG_LEVEL: 'silent',
      SALESBOOK_MIN_POSITION_WAIT_MS: '1000',
      SALESBOOK_KEYSTORE: ':memory:',
      SALESBOOK_MASTER_KEY: TEST_MASTER_KEY,
      SALESBOOK_RATE_LIMIT: '0',
      ...env,
    },
    () => SECRET,
  );
  const store =
    given.store ?? (given.ownStore === true ? await openEventStore(config.store) : createMemoryEventStore());
  if (given.emptyRegister !== true) await registerTestTeam(store);
  let moment: (() => Date) | undefined;
  const now = (): Date => (moment ?? clock)();
  let app: INestApplication;
  try {
    app = await createApp(config, given.ownStore === true ? { clock: now } : { store, clock: now });
  } catch (error) {
    if (given.ownStore === true) await store.close();
    throw error;
  }
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
    async close() {
      await app.close();
      if (given.ownStore === true) await store.close();
    },
    async at(instant, act) {
      moment = () => new Date(instant);
      try {
        return await act();
      } finally {
        moment = undefined;
      }
    },
  };
}
