import { z } from 'zod';

/** What a bearer token must show besides its signature: an `exp` within the maximum lifetime, and the issuer and audience when set. */
export interface TokenRules {
  /** Longest lifetime a token may claim, in seconds, from its `iat` (or from now without one) to its `exp` (SALESBOOK_JWT_MAX_AGE). */
  readonly maxAgeSeconds: number;
  /** The `iss` every token must carry (SALESBOOK_JWT_ISSUER), if set. */
  readonly issuer?: string;
  /** An `aud` every token must name (SALESBOOK_JWT_AUDIENCE), if set. */
  readonly audience?: string;
}

/** Limits of the HTTP edge. */
export interface HttpLimits {
  /** Requests per minute for each bearer token and each client address (SALESBOOK_RATE_LIMIT); 0 turns the limit off. */
  readonly ratePerMinute: number;
  /** How long a request may take to arrive, headers and body, before it is answered 408 (SALESBOOK_REQUEST_TIMEOUT_MS). */
  readonly requestTimeoutMs: number;
}

/** How far apart the issuer's clock and ours may be when `exp`, `nbf` and `iat` are checked. */
export const CLOCK_SKEW_SECONDS = 30;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3_600, d: 86_400 };

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const count = (fallback: number, min: number, max: number, what: string) =>
  optional.pipe(
    z.coerce
      .number<string | undefined>({ message: 'must be a number' })
      .int()
      .min(min, what)
      .max(max, what)
      .default(fallback),
  );

/** A lifetime as `<n>` seconds or `<n>s|m|h|d`, from one minute to 30 days. */
const Duration = optional.pipe(z.string().default('24h')).transform((value, context) => {
  const match = /^(\d{1,7})([smhd]?)$/.exec(value);
  const seconds = match === null ? Number.NaN : Number(match[1]) * (UNIT_SECONDS[match[2] || 's'] ?? Number.NaN);
  if (Number.isFinite(seconds) && seconds >= 60 && seconds <= 30 * 86_400) return seconds;
  context.addIssue({ code: 'custom', message: 'must be a lifetime from 60s to 30d, such as 3600, 90m, 12h or 7d' });
  return z.NEVER;
});

/** The variables of the token rules and HTTP limits (merged into the API's environment schema). */
export const HardeningEnv = z.object({
  SALESBOOK_JWT_MAX_AGE: Duration,
  SALESBOOK_JWT_ISSUER: optional,
  SALESBOOK_JWT_AUDIENCE: optional,
  SALESBOOK_RATE_LIMIT: count(1_200, 0, 1_000_000, 'must be 0 (off) to 1000000 requests per minute'),
  SALESBOOK_REQUEST_TIMEOUT_MS: count(30_000, 100, 600_000, 'must be 100-600000 (milliseconds)'),
});

/** The rules and limits of validated hardening variables. */
export function hardeningOf(values: z.infer<typeof HardeningEnv>): { tokens: TokenRules; http: HttpLimits } {
  const tokens: TokenRules = {
    maxAgeSeconds: values.SALESBOOK_JWT_MAX_AGE,
    ...(values.SALESBOOK_JWT_ISSUER === undefined ? {} : { issuer: values.SALESBOOK_JWT_ISSUER }),
    ...(values.SALESBOOK_JWT_AUDIENCE === undefined ? {} : { audience: values.SALESBOOK_JWT_AUDIENCE }),
  };
  return {
    tokens,
    http: { ratePerMinute: values.SALESBOOK_RATE_LIMIT, requestTimeoutMs: values.SALESBOOK_REQUEST_TIMEOUT_MS },
  };
}
