import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type Database from 'better-sqlite3';
import { activeWebhookSubscriptions, ALERTS_SOURCES, queryAlerts, type ProjectionHost } from '@salesbook/projections';
import type { ApiConfig } from '../config/config.js';
import { API_CONFIG, CLOCK, PROJECTION_RUNNER, READ_MODELS, type Clock } from '../infrastructure/tokens.js';
import { WebhookOutbox, type OutboxStats } from './outbox.js';
import { attemptDelivery, backoffMs } from './sender.js';
import { deliveriesOf, queuingAt } from './queuing.js';
import { subscriptionSecret } from './signing.js';

/** What `/projections/status` shows of webhooks. */
export type WebhookStatus =
  | ({ readonly enabled: true; readonly subscriptions: number } & OutboxStats)
  | { readonly enabled: false; readonly reason: string };

/** Deliveries attempted per tick (each tick also queues the alerts that fired since the last). */
const BATCH = 20;
const SOURCES = [...ALERTS_SOURCES, 'webhook_subscriptions'];
/** Ticks between look-backs: a week's alerts is a query of tens of milliseconds, not to be run on every tick of a busy API. */
const LOOK_BACK_EVERY_TICKS = 10;

/**
 * Delivers alerts to webhook subscriptions at least once. Each tick (SALESBOOK_WEBHOOK_TICK_MS, on the API's clock)
 * queues, for every matching active subscription, the alerts that fired since the outbox's cursor, and when the read
 * models moved also those they may have learnt of late (up to SALESBOOK_WEBHOOK_LOOKBACK_HOURS back, at most every
 * tenth tick; see {@link queuingAt}), with the cursor, in one transaction (the first tick only sets the cursor: history is not
 * replayed to a new installation), then POSTs the due deliveries; a failure is retried with capped exponential
 * backoff up to SALESBOOK_WEBHOOK_MAX_ATTEMPTS. Queuing waits while a source read model is catching up.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('WebhookDispatcher');
  private outbox: WebhookOutbox | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private ticksSinceLookBack = LOOK_BACK_EVERY_TICKS;

  constructor(
    @Inject(READ_MODELS) private readonly db: Database.Database,
    @Inject(PROJECTION_RUNNER) private readonly runner: ProjectionHost,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.alerts.webhookKey === undefined) return;
    this.outbox = new WebhookOutbox(this.config.alerts.outboxPath);
    this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.running;
    this.outbox?.close();
  }

  status(): WebhookStatus {
    if (this.outbox === undefined)
      return { enabled: false, reason: 'SALESBOOK_WEBHOOK_KEY is not set: nothing is delivered' };
    return { enabled: true, subscriptions: activeWebhookSubscriptions(this.db).length, ...this.outbox.stats() };
  }

  private schedule(): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().catch((error: unknown) =>
        this.logger.error(`webhook tick failed: ${error instanceof Error ? error.message : String(error)}`),
      );
      void this.running.finally(() => this.schedule());
    }, this.config.alerts.tickMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    const outbox = this.outbox;
    const key = this.config.alerts.webhookKey;
    if (outbox === undefined || key === undefined) return;
    const now = this.clock();
    if (SOURCES.every((name) => !this.runner.freshness(name).stale)) this.queue(outbox, now);
    for (const delivery of outbox.due(now.getTime(), BATCH)) {
      if (this.stopping) return;
      const outcome = await attemptDelivery(
        delivery,
        subscriptionSecret(key, delivery.subscription_id),
        Math.floor(this.clock().getTime() / 1000),
        this.config.alerts.timeoutMs,
      );
      const at = this.clock();
      if (outcome.ok) outbox.delivered(delivery.delivery_id, at.toISOString());
      else
        outbox.attemptFailed(
          delivery.delivery_id,
          at.toISOString(),
          outcome.error,
          this.nextAttempt(delivery.attempts + 1, at.getTime()),
        );
    }
  }

  /** When attempt `attempts + 1` is due, or null when `attempts` was the last allowed. */
  private nextAttempt(attempts: number, nowMs: number): number | null {
    const { maxAttempts, retryBaseMs, retryMaxMs } = this.config.alerts;
    return attempts >= maxAttempts ? null : nowMs + backoffMs(attempts, retryBaseMs, retryMaxMs);
  }

  private queue(outbox: WebhookOutbox, now: Date): void {
    // Read before the alerts: a position taken after them could claim rows the query did not see.
    const positions = JSON.stringify(SOURCES.map((name) => this.runner.freshness(name).position));
    const subscriptions = activeWebhookSubscriptions(this.db);
    outbox.dropAllBut(subscriptions.map((s) => s.subscription_id));
    this.ticksSinceLookBack += 1;
    const due = this.ticksSinceLookBack >= LOOK_BACK_EVERY_TICKS;
    const queuing = queuingAt(outbox.cursor(), now.getTime(), positions, { ms: this.config.alerts.lookBackMs, due });
    if (queuing.lookedBack) this.ticksSinceLookBack = 0;
    const { window, until } = queuing;
    const alerts =
      window === undefined
        ? []
        : queryAlerts(this.db, () => 0, {
            since: new Date(window.since).toISOString(),
            now: new Date(window.until).toISOString(),
            zone: this.config.timeZone,
            slaWarningMs: this.config.alerts.slaWarningMs,
          }).rows;
    outbox.queue(deliveriesOf(subscriptions, alerts), { until, positions: queuing.positions }, now.getTime());
  }
}
