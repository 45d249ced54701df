import { dirname, join } from 'node:path';
import { z } from 'zod';

/** When alerts fire and how webhooks deliver them. */
export interface AlertsConfig {
  /** How long before a complaint's SLA target "about to breach" fires (SALESBOOK_ALERT_WARNING_HOURS, default 2). */
  readonly slaWarningMs: number;
  /** The webhook outbox's SQLite file (SALESBOOK_WEBHOOKS; default `webhooks.db` beside the read models, `:memory:` with them). */
  readonly outboxPath: string;
  /**
   * The key each subscription's signing secret is derived from (SALESBOOK_WEBHOOK_KEY, 32+ characters). Unset: nothing
   * is delivered (subscriptions are still recorded) and `/projections/status` says so.
   */
  readonly webhookKey: string | undefined;
  /** How often the dispatcher looks for new alerts and due deliveries (SALESBOOK_WEBHOOK_TICK_MS, default 1000). */
  readonly tickMs: number;
  /** Retry n waits `min(retryMaxMs, retryBaseMs * 2^(n-1))` (SALESBOOK_WEBHOOK_RETRY_BASE_MS 1000, SALESBOOK_WEBHOOK_RETRY_MAX_MS 300000). */
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  /** Attempts before a delivery is given up as failed (SALESBOOK_WEBHOOK_MAX_ATTEMPTS, default 12). */
  readonly maxAttempts: number;
  /** How long one delivery request may take (SALESBOOK_WEBHOOK_TIMEOUT_MS, default 5000). */
  readonly timeoutMs: number;
  /**
   * How far back a tick looks, when the read models moved, for alerts they learnt of after the alerts' moment
   * (SALESBOOK_WEBHOOK_LOOKBACK_HOURS, default 168, at most 744 as `GET /alerts`); one learnt of later is not sent.
   */
  readonly lookBackMs: number;
}

const optional = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value));
const count = (fallback: number, min: number, max: number) =>
  optional.pipe(
    z.coerce
      .number<string | undefined>({ message: 'must be a number' })
      .int()
      .min(min, `must be ${min}-${max}`)
      .max(max, `must be ${min}-${max}`)
      .default(fallback),
  );

/** The variables of alerts and webhooks (merged into the API's environment schema). */
export const AlertsEnv = z.object({
  SALESBOOK_ALERT_WARNING_HOURS: count(2, 0, 240),
  SALESBOOK_WEBHOOKS: optional,
  SALESBOOK_WEBHOOK_KEY: optional.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  SALESBOOK_WEBHOOK_TICK_MS: count(1_000, 10, 3_600_000),
  SALESBOOK_WEBHOOK_RETRY_BASE_MS: count(1_000, 10, 3_600_000),
  SALESBOOK_WEBHOOK_RETRY_MAX_MS: count(300_000, 10, 86_400_000),
  SALESBOOK_WEBHOOK_MAX_ATTEMPTS: count(12, 1, 100),
  SALESBOOK_WEBHOOK_TIMEOUT_MS: count(5_000, 100, 60_000),
  SALESBOOK_WEBHOOK_LOOKBACK_HOURS: count(168, 0, 744),
});

/** The alerts configuration from the checked variables; the outbox lives beside the read models unless named. */
export function alertsOf(values: z.infer<typeof AlertsEnv>, readModelsPath: string): { alerts: AlertsConfig } {
  const beside = readModelsPath === ':memory:' ? ':memory:' : join(dirname(readModelsPath), 'webhooks.db');
  return {
    alerts: {
      slaWarningMs: values.SALESBOOK_ALERT_WARNING_HOURS * 3_600_000,
      outboxPath: values.SALESBOOK_WEBHOOKS ?? beside,
      webhookKey: values.SALESBOOK_WEBHOOK_KEY,
      tickMs: values.SALESBOOK_WEBHOOK_TICK_MS,
      retryBaseMs: values.SALESBOOK_WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: Math.max(values.SALESBOOK_WEBHOOK_RETRY_MAX_MS, values.SALESBOOK_WEBHOOK_RETRY_BASE_MS),
      maxAttempts: values.SALESBOOK_WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: values.SALESBOOK_WEBHOOK_TIMEOUT_MS,
      lookBackMs: values.SALESBOOK_WEBHOOK_LOOKBACK_HOURS * 3_600_000,
    },
  };
}
