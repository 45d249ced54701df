import { isLeft } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { parseStoreUrl, StoreConfigurationError, type StoreDescriptor } from '@salesbook/eventstore';
import { MASTER_KEY_VARIABLE, parseKeyStoreLocation, parseMasterKey } from '@salesbook/keystore';
import { isValidTimeZone } from '@salesbook/projections';
import { AlertsEnv, alertsOf, type AlertsConfig } from './alerts.js';
import { HardeningEnv, hardeningOf, type HttpLimits, type TokenRules } from './hardening.js';
import { SurveyLinksEnv, surveyLinkSecretOf } from './survey-links.js';

/** The API's configuration, read once from the environment at start-up (every variable: apps/api/README.md). */
export interface ApiConfig {
  readonly store: StoreDescriptor;
  /** Path of the read-model SQLite file, or `:memory:`. */
  readonly readModelsPath: string;
  readonly port: number;
  /** The business time zone: day and month boundaries of reports and policies. */
  readonly timeZone: string;
  readonly jwt: JwtKeyConfig;
  /** `exp` and its maximum lifetime, issuer and audience of bearer tokens. */
  readonly tokens: TokenRules;
  /** Rate limit and request timeout of the HTTP edge. */
  readonly http: HttpLimits;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pretty`: one readable line per log entry, without Nest's start-up chatter (development); `json`: pino's JSON lines. */
  readonly logFormat: 'json' | 'pretty';
  /** Largest JSON body accepted, in bytes (larger ones get 413). */
  readonly bodyLimitBytes: number;
  /** How long a report waits for `X-Min-Position` before answering stale. */
  readonly minPositionWaitMs: number;
  readonly keyStore: KeyStoreConfig;
  /** How often a policy retries the events it parked (SALESBOOK_POLICY_RETRY_MS, default 30,000). */
  readonly policyRetryMs: number;
  /**
   * How long a subscription (projections, the policy) may stay down while it is restarted before `/health` fails, so
   * an orchestrator restarts the process (SALESBOOK_MAX_DOWN_MS, default 120,000).
   */
  readonly maxDownMs: number;
  /** Bytes of report answers kept for reuse while their read models are unchanged (SALESBOOK_REPORT_CACHE_MB, default 64; 0 keeps none). */
  readonly reportCacheBytes: number;
  /**
   * How long a live event may wait for others to share its read-model transaction, in ms (SALESBOOK_LIVE_BATCH_MS,
   * default 5; 0 applies each on the next turn). A query with X-Min-Position never waits for it.
   */
  readonly liveBatchMs: number;
  /**
   * Whether the projections run on a thread of their own when the store and the read models are SQLite files
   * (SALESBOOK_READMODEL_THREAD, `on` by default, or `off`): the API's event loop then only answers requests.
   */
  readonly readModelThread: boolean;
  /** Alert rules and webhook delivery. */
  readonly alerts: AlertsConfig;
  /** Business days the owner rep has to follow up an unhappy survey answer (SALESBOOK_FOLLOW_UP_BUSINESS_DAYS, default 2). */
  readonly followUpBusinessDays: number;
  /** The HS256 key of the survey links mailed to customers (SALESBOOK_SURVEY_LINK_SECRET; the demo's own key in development). */
  readonly surveyLinkSecret: string;
}

/**
 * Where customers' data keys live (`SALESBOOK_KEYSTORE`: a SQLite file apart from the event log, one host only, or a
 * `postgres://` URL shared by every instance) and the master key that wraps them: from `SALESBOOK_MASTER_KEY`, or for
 * a SQLite file in development `development` (a key file beside the key store, made on first use).
 */
export type KeyStoreConfig =
  | { readonly kind: 'sqlite'; readonly path: string; readonly masterKey: Uint8Array | 'development' }
  | { readonly kind: 'postgres'; readonly url: string; readonly masterKey: Uint8Array };

/** How bearer tokens are verified: an HS256 secret or an RS256 public key; `generated` only in development. */
export type JwtKeyConfig =
  | { readonly kind: 'secret'; readonly secret: string; readonly generated: boolean }
  | { readonly kind: 'public-key'; readonly pem: string };

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const Env = z
  .object({
    SALESBOOK_EVENTSTORE: optional,
    SALESBOOK_ESDB_MAX_APPEND_BYTES: optional,
    SALESBOOK_READMODELS: optional.pipe(z.string().default('./data/readmodels.db')),
    SALESBOOK_PORT: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(0)
        .max(65_535, 'must be a port number 0-65535')
        .default(3000),
    ),
    SALESBOOK_TIMEZONE: optional
      .pipe(z.string().default('Asia/Shanghai'))
      .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai'),
    SALESBOOK_JWT_SECRET: optional.pipe(z.string().min(32, 'must be at least 32 characters (HS256)').optional()),
    SALESBOOK_JWT_PUBLIC_KEY: optional.pipe(
      z
        .string()
        .regex(/-----BEGIN PUBLIC KEY-----[\s\S]+-----END PUBLIC KEY-----/, 'must be an RS256 public key in PEM (SPKI)')
        .optional(),
    ),
    SALESBOOK_LOG_LEVEL: optional.pipe(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    ),
    SALESBOOK_LOG_FORMAT: optional.pipe(z.enum(['json', 'pretty']).optional()),
    SALESBOOK_BODY_LIMIT_BYTES: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(1_024)
        .max(50_000_000)
        .default(1_048_576),
    ),
    SALESBOOK_MIN_POSITION_WAIT_MS: optional.pipe(
      z.coerce.number<string | undefined>({ message: 'must be a number' }).int().min(0).max(30_000).default(2_000),
    ),
    SALESBOOK_KEYSTORE: optional.pipe(z.string().default('./data/keys.db')),
    SALESBOOK_MASTER_KEY: optional,
    SALESBOOK_POLICY_RETRY_MS: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(10)
        .max(86_400_000)
        .default(30_000),
    ),
    SALESBOOK_MAX_DOWN_MS: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(1_000)
        .max(86_400_000, 'must be 1000-86400000 (milliseconds)')
        .default(120_000),
    ),
    SALESBOOK_LIVE_BATCH_MS: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(0)
        .max(1_000, 'must be 0-1000 (milliseconds)')
        .default(5),
    ),
    SALESBOOK_READMODEL_THREAD: optional.pipe(z.enum(['on', 'off'], { message: 'must be on or off' }).default('on')),
    SALESBOOK_REPORT_CACHE_MB: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(0)
        .max(4_096, 'must be 0-4096 (megabytes)')
        .default(64),
    ),
    SALESBOOK_FOLLOW_UP_BUSINESS_DAYS: optional.pipe(
      z.coerce
        .number<string | undefined>({ message: 'must be a number' })
        .int()
        .min(0)
        .max(30, 'must be 0-30 (business days)')
        .default(2),
    ),
    NODE_ENV: optional,
  })
  .extend(HardeningEnv.shape)
  .extend(AlertsEnv.shape)
  .extend(SurveyLinksEnv.shape);

/** A configuration problem: one line naming the variable and what is wrong. */
export class ConfigurationError extends Error {}

/**
 * Reads and checks the environment. Bad configuration is refused with one line naming the variable
 * (`SALESBOOK_PORT: must be a port number 0-65535`), so start-up can stop with it.
 *
 * @example
 * const config = loadConfig(process.env, randomSecret);
 */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, makeSecret: () => string): ApiConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigurationError(`${String(issue?.path[0] ?? 'environment')}: ${issue?.message ?? 'invalid'}`);
  }
  const values = parsed.data;
  const store = parseStoreUrl(values.SALESBOOK_EVENTSTORE, values.SALESBOOK_ESDB_MAX_APPEND_BYTES);
  if (isLeft(store)) throw new ConfigurationError(store.left.message);
  return {
    store: store.right,
    readModelsPath: values.SALESBOOK_READMODELS,
    port: values.SALESBOOK_PORT,
    timeZone: values.SALESBOOK_TIMEZONE,
    jwt: jwtKey(
      values.SALESBOOK_JWT_SECRET,
      values.SALESBOOK_JWT_PUBLIC_KEY,
      values.NODE_ENV === 'development',
      makeSecret,
    ),
    ...hardeningOf(values),
    logLevel: values.SALESBOOK_LOG_LEVEL,
    // Logs are for people in development and for machines everywhere else.
    logFormat: values.SALESBOOK_LOG_FORMAT ?? (values.NODE_ENV === 'development' ? 'pretty' : 'json'),
    bodyLimitBytes: values.SALESBOOK_BODY_LIMIT_BYTES,
    minPositionWaitMs: values.SALESBOOK_MIN_POSITION_WAIT_MS,
    keyStore: keyStore(values.SALESBOOK_KEYSTORE, values.SALESBOOK_MASTER_KEY, values.NODE_ENV === 'development'),
    policyRetryMs: values.SALESBOOK_POLICY_RETRY_MS,
    maxDownMs: values.SALESBOOK_MAX_DOWN_MS,
    reportCacheBytes: values.SALESBOOK_REPORT_CACHE_MB * 1_048_576,
    liveBatchMs: values.SALESBOOK_LIVE_BATCH_MS,
    readModelThread: values.SALESBOOK_READMODEL_THREAD === 'on',
    followUpBusinessDays: values.SALESBOOK_FOLLOW_UP_BUSINESS_DAYS,
    ...alertsOf(values, values.SALESBOOK_READMODELS),
    ...surveyLinkSecretOf(values, values.NODE_ENV === 'development', (message) => new ConfigurationError(message)),
  };
}

function keyStore(value: string, master: string | undefined, development: boolean): KeyStoreConfig {
  const location = oneLine(() => parseKeyStoreLocation(value));
  if (location.kind === 'sqlite') return { ...location, masterKey: masterKey(master, development) };
  // Every instance shares the PostgreSQL key store, so each must be given the one master key: no key file per host.
  const key = masterKey(master, false);
  if (key === 'development') throw new ConfigurationError(`${MASTER_KEY_VARIABLE}: not set`);
  return { ...location, masterKey: key };
}

function oneLine<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof StoreConfigurationError) throw new ConfigurationError(error.message);
    throw error;
  }
}

function masterKey(value: string | undefined, development: boolean): Uint8Array | 'development' {
  if (value === undefined) {
    if (development) return 'development';
    throw new ConfigurationError(
      `${MASTER_KEY_VARIABLE}: not set; it must be 32 random bytes in base64 (\`openssl rand -base64 32\`), kept apart from the data`,
    );
  }
  try {
    return parseMasterKey(value);
  } catch (error) {
    if (error instanceof StoreConfigurationError)
      throw new ConfigurationError(error.message.replace(`${MASTER_KEY_VARIABLE} `, `${MASTER_KEY_VARIABLE}: `));
    throw error;
  }
}

function jwtKey(
  secret: string | undefined,
  pem: string | undefined,
  development: boolean,
  makeSecret: () => string,
): JwtKeyConfig {
  if (secret !== undefined && pem !== undefined) {
    throw new ConfigurationError(
      'SALESBOOK_JWT_SECRET: set either SALESBOOK_JWT_SECRET (HS256) or SALESBOOK_JWT_PUBLIC_KEY (RS256), not both',
    );
  }
  if (secret !== undefined) return { kind: 'secret', secret, generated: false };
  if (pem !== undefined) return { kind: 'public-key', pem };
  if (development) return { kind: 'secret', secret: makeSecret(), generated: true };
  throw new ConfigurationError(
    'SALESBOOK_JWT_SECRET: not set; set SALESBOOK_JWT_SECRET (HS256, 32+ characters) or SALESBOOK_JWT_PUBLIC_KEY (RS256 PEM), or run with NODE_ENV=development to get a generated secret and tokens',
  );
}
