import { z } from 'zod';
import type { ProjectionStatus } from '@salesbook/projections';
import type { PolicyStatus } from '../policies/order-to-receivable.policy.js';
import type { WebhookStatus } from '../webhooks/dispatcher.js';

/** One indicator of a health check: its status and what it reports (free-form per indicator). */
const Indicator = z.looseObject({ status: z.enum(['up', 'down']) });
const Indicators = z.record(z.string(), Indicator);

/** The answer of `/health` and `/ready` (a Terminus health check result; 503 carries the same shape). */
export const HealthAnswer = z.strictObject({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: Indicators.optional(),
  error: Indicators.optional(),
  details: Indicators,
});

const ProjectionStatusSchema = z.strictObject({
  name: z.string(),
  version: z.number().int(),
  generation: z.number().int(),
  state: z.enum(['catching-up', 'live', 'stalled', 'stopped']),
  position: z.string().nullable(),
  head: z.string().nullable(),
  lag: z.number().int(),
  parked: z.number().int(),
  blockedStreams: z.array(z.string()),
  lastError: z.string().nullable(),
  rebuilding: z.strictObject({ generation: z.number().int(), position: z.string().nullable() }).nullable(),
  retrying: z.strictObject({ since: z.string(), attempts: z.number().int(), nextAttemptAt: z.string() }).nullable(),
}) satisfies z.ZodType<ProjectionStatus>;

const PolicyStatusSchema = z.strictObject({
  name: z.string(),
  position: z.string().nullable(),
  head: z.string().nullable(),
  lag: z.number().int(),
  parked: z.array(
    z.strictObject({
      position: z.string(),
      streamName: z.string(),
      type: z.string(),
      reason: z.string(),
      attempts: z.number().int(),
      parkedAt: z.string(),
    }),
  ),
  retrying: z.strictObject({ since: z.string(), attempts: z.number().int(), lastError: z.string() }).nullable(),
}) satisfies z.ZodType<PolicyStatus>;

const count = z.number().int().min(0);

/** Webhook delivery: off without SALESBOOK_WEBHOOK_KEY, else the outbox's deliveries by state and the latest failure. */
const WebhookStatusSchema = z.union([
  z.strictObject({ enabled: z.literal(false), reason: z.string() }),
  z.strictObject({
    enabled: z.literal(true),
    subscriptions: count,
    pending: count,
    delivered: count,
    failed: count.describe('Given up after the last attempt'),
    dropped: count,
    failedAttempts: count,
    lastFailure: z.strictObject({ deliveryId: z.string(), at: z.string(), error: z.string() }).nullable(),
    queuedUntil: z.string().nullable(),
  }),
]) satisfies z.ZodType<WebhookStatus>;

/** The answer of `/projections/status`: every projection and policy with its checkpoint, lag and parked events, and webhook deliveries. */
export const ProjectionsStatusAnswer = z.strictObject({
  projections: z.array(ProjectionStatusSchema),
  policies: z.array(PolicyStatusSchema),
  webhooks: WebhookStatusSchema,
});
