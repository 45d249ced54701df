import { loadConfig } from './config.js';
import { DEMO_SURVEY_LINK_SECRET } from './survey-links.js';

const SECRET = 'a'.repeat(32);
const MASTER_KEY = Buffer.alloc(32, 1).toString('base64');
const load = (env: Record<string, string>) =>
  loadConfig(
    { SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: MASTER_KEY, SALESBOOK_SURVEY_LINK_SECRET: SECRET, ...env },
    () => 'generated-secret',
  );
const problem = (env: Record<string, string>) => {
  try {
    loadConfig(env, () => 'generated-secret');
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
};

describe('loadConfig', () => {
  it('applies the documented defaults (docs/architecture.md, Configuration)', () => {
    expect(load({})).toMatchObject({
      store: { kind: 'sqlite', path: './data/events.db' },
      readModelsPath: './data/readmodels.db',
      keyStore: { kind: 'sqlite', path: './data/keys.db', masterKey: Buffer.from(MASTER_KEY, 'base64') },
      port: 3000,
      timeZone: 'Asia/Shanghai',
    });
  });

  it('writes JSON logs outside development and readable lines in development, unless told otherwise', () => {
    expect(load({}).logFormat).toBe('json');
    expect(load({ NODE_ENV: 'development' }).logFormat).toBe('pretty');
    expect(load({ NODE_ENV: 'development', SALESBOOK_LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(load({ SALESBOOK_LOG_FORMAT: 'pretty' }).logFormat).toBe('pretty');
    expect(
      problem({ SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: MASTER_KEY, SALESBOOK_LOG_FORMAT: 'xml' }),
    ).toMatch(/^SALESBOOK_LOG_FORMAT: /);
  });

  it.each([
    [{ SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_PORT: '70000' }, /^SALESBOOK_PORT: /],
    [
      { SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_TIMEZONE: 'Mars/Olympus' },
      /^SALESBOOK_TIMEZONE: must be an IANA time zone/,
    ],
    [
      { SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_EVENTSTORE: 'postgres://x' },
      /^SALESBOOK_EVENTSTORE: unknown store kind/,
    ],
    [{ SALESBOOK_JWT_SECRET: 'short' }, /^SALESBOOK_JWT_SECRET: must be at least 32 characters/],
    [{ SALESBOOK_JWT_PUBLIC_KEY: 'not a pem' }, /^SALESBOOK_JWT_PUBLIC_KEY: must be an RS256 public key/],
    [{}, /^SALESBOOK_JWT_SECRET: not set/],
    [{ SALESBOOK_JWT_SECRET: SECRET }, /^SALESBOOK_MASTER_KEY: not set/],
    [
      { SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: Buffer.alloc(16).toString('base64') },
      /^SALESBOOK_MASTER_KEY: must be 32 random bytes in base64/,
    ],
    [
      { SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: 'not base64!' },
      /^SALESBOOK_MASTER_KEY: must be 32 random bytes in base64/,
    ],
    [{ SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: MASTER_KEY }, /^SALESBOOK_SURVEY_LINK_SECRET: not set/],
    [
      { SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: MASTER_KEY, SALESBOOK_SURVEY_LINK_SECRET: 'short' },
      /^SALESBOOK_SURVEY_LINK_SECRET: must be at least 32 characters/,
    ],
  ])('stops with one line naming the variable: %j', (env, message) => {
    const text = problem(env);
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('signs survey links with the demo key only in development, with the configured key otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }, () => 'generated-secret').surveyLinkSecret).toBe(
      DEMO_SURVEY_LINK_SECRET,
    );
    expect(load({ SALESBOOK_SURVEY_LINK_SECRET: 'b'.repeat(32) }).surveyLinkSecret).toBe('b'.repeat(32));
  });

  it('generates a secret only in development', () => {
    expect(loadConfig({ NODE_ENV: 'development' }, () => 'generated-secret').jwt).toEqual({
      kind: 'secret',
      secret: 'generated-secret',
      generated: true,
    });
  });

  it('keeps the master key in a file beside the key store only in development', () => {
    expect(
      loadConfig({ NODE_ENV: 'development', SALESBOOK_KEYSTORE: '/var/x/keys.db' }, () => 'generated-secret').keyStore,
    ).toEqual({ kind: 'sqlite', path: '/var/x/keys.db', masterKey: 'development' });
  });

  it('takes a postgres:// key store only with SALESBOOK_MASTER_KEY, even in development', () => {
    const url = 'postgres://keys:secret@db.internal:5432/salesbook';
    expect(load({ SALESBOOK_KEYSTORE: url }).keyStore).toEqual({
      kind: 'postgres',
      url,
      masterKey: Buffer.from(MASTER_KEY, 'base64'),
    });
    expect(problem({ NODE_ENV: 'development', SALESBOOK_KEYSTORE: url })).toMatch(/^SALESBOOK_MASTER_KEY: not set/);
    expect(
      problem({ SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: MASTER_KEY, SALESBOOK_KEYSTORE: 'postgres://' }),
    ).toMatch(/^SALESBOOK_KEYSTORE: /);
  });

  it('reads the token rules and HTTP limits, with their defaults', () => {
    expect(load({})).toMatchObject({
      tokens: { maxAgeSeconds: 86_400 },
      http: { ratePerMinute: 1_200, requestTimeoutMs: 30_000 },
    });
    expect(
      load({
        SALESBOOK_JWT_MAX_AGE: '90m',
        SALESBOOK_JWT_ISSUER: 'idp',
        SALESBOOK_JWT_AUDIENCE: 'salesbook',
        SALESBOOK_RATE_LIMIT: '0',
        SALESBOOK_REQUEST_TIMEOUT_MS: '500',
      }),
    ).toMatchObject({
      tokens: { maxAgeSeconds: 5_400, issuer: 'idp', audience: 'salesbook' },
      http: { ratePerMinute: 0, requestTimeoutMs: 500 },
    });
    expect(load({ SALESBOOK_JWT_MAX_AGE: '3600' }).tokens.maxAgeSeconds).toBe(3_600);
  });

  it.each([
    [{ SALESBOOK_JWT_MAX_AGE: '12 hours' }, /^SALESBOOK_JWT_MAX_AGE: must be a lifetime/],
    [{ SALESBOOK_JWT_MAX_AGE: '31d' }, /^SALESBOOK_JWT_MAX_AGE: must be a lifetime/],
    [{ SALESBOOK_RATE_LIMIT: '-1' }, /^SALESBOOK_RATE_LIMIT: must be 0 \(off\)/],
    [{ SALESBOOK_REQUEST_TIMEOUT_MS: '10' }, /^SALESBOOK_REQUEST_TIMEOUT_MS: must be 100-600000/],
  ])('refuses the hardening variables %j with one line', (env, message) => {
    expect(problem({ SALESBOOK_JWT_SECRET: SECRET, SALESBOOK_MASTER_KEY: MASTER_KEY, ...env })).toMatch(message);
  });

  it("reads the webhooks' look-back in hours (a week unless set, at most 31 days)", () => {
    expect(load({}).alerts.lookBackMs).toBe(168 * 3_600_000);
    expect(load({ SALESBOOK_WEBHOOK_LOOKBACK_HOURS: '0' }).alerts.lookBackMs).toBe(0);
    expect(
      problem({
        SALESBOOK_JWT_SECRET: SECRET,
        SALESBOOK_MASTER_KEY: MASTER_KEY,
        SALESBOOK_WEBHOOK_LOOKBACK_HOURS: '745',
      }),
    ).toMatch(/^SALESBOOK_WEBHOOK_LOOKBACK_HOURS: must be 0-744/);
  });
});
