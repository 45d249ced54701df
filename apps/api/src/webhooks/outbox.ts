import Database from 'better-sqlite3';

/** A delivery waiting in the outbox, or given up. */
export interface OutboxDelivery {
  readonly delivery_id: string;
  readonly subscription_id: string;
  readonly alert_id: string;
  readonly url: string;
  readonly body: string;
  readonly attempts: number;
  readonly next_attempt_at: number;
}

/** What the outbox holds, for `/projections/status`. */
export interface OutboxStats {
  readonly pending: number;
  readonly delivered: number;
  readonly failed: number;
  readonly dropped: number;
  /** Attempts that failed (a delivery retried twice counts 2). */
  readonly failedAttempts: number;
  readonly lastFailure: { readonly deliveryId: string; readonly at: string; readonly error: string } | null;
  /** Alerts are queued up to this instant. */
  readonly queuedUntil: string | null;
}

/**
 * How far alerts were queued: up to `until`, with the read models at `positions` (their positions as one text);
 * `floor` is the first tick's instant, before which nothing is queued.
 */
export interface OutboxCursor {
  readonly until: string;
  readonly floor: string;
  readonly positions: string | null;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS webhook_cursor (name TEXT PRIMARY KEY, until TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS webhook_deliveries (
    delivery_id TEXT PRIMARY KEY, subscription_id TEXT NOT NULL, alert_id TEXT NOT NULL, url TEXT NOT NULL, body TEXT NOT NULL,
    queued_at TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
    last_error TEXT, last_failed_at TEXT, last_attempt_at TEXT, delivered_at TEXT) STRICT;
  CREATE INDEX IF NOT EXISTS webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
  CREATE TABLE IF NOT EXISTS webhook_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS webhook_marks (name TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;`;

/**
 * The webhook outbox, a SQLite file of its own (WAL, synchronous FULL): alerts queued once per subscription (the
 * delivery id is derived from both, so queuing again is a no-op, which is why delivery rows are kept) in the same
 * transaction as the cursor that says up to when, and at which read-model positions, alerts were queued; then
 * delivered at least once. It survives restarts; nothing in it is derivable.
 */
export class WebhookOutbox {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(SCHEMA);
  }

  /** Up to when alerts were queued; undefined before the first queuing. */
  queuedUntil(): string | undefined {
    const row = this.db.prepare("SELECT until FROM webhook_cursor WHERE name = 'alerts'").get() as
      { until: string } | undefined;
    return row?.until;
  }

  /** The cursor; undefined before the first queuing. An outbox from before floors were kept has its cursor as floor. */
  cursor(): OutboxCursor | undefined {
    const until = this.queuedUntil();
    if (until === undefined) return undefined;
    const mark = (name: string): string | undefined =>
      (this.db.prepare('SELECT value FROM webhook_marks WHERE name = ?').get(name) as { value: string } | undefined)
        ?.value;
    return { until, floor: mark('floor') ?? until, positions: mark('positions') ?? null };
  }

  /**
   * Queues deliveries (those already queued are kept as they are) and moves the cursor, in one transaction; the
   * first queuing also sets the floor (to `until`).
   */
  queue(
    deliveries: readonly Omit<OutboxDelivery, 'attempts' | 'next_attempt_at'>[],
    cursor: { readonly until: string; readonly positions: string | null },
    nowMs: number,
  ): void {
    const insert = this.db
      .prepare(`INSERT OR IGNORE INTO webhook_deliveries (delivery_id, subscription_id, alert_id, url, body, queued_at, status, attempts, next_attempt_at)
      VALUES (@delivery_id, @subscription_id, @alert_id, @url, @body, @queued_at, 'pending', 0, @next)`);
    const mark = this.db.prepare(
      'INSERT INTO webhook_marks (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    );
    this.db.transaction(() => {
      const floor = this.cursor()?.floor ?? cursor.until;
      for (const d of deliveries) insert.run({ ...d, queued_at: cursor.until, next: nowMs });
      this.db
        .prepare(
          "INSERT INTO webhook_cursor (name, until) VALUES ('alerts', ?) ON CONFLICT (name) DO UPDATE SET until = excluded.until",
        )
        .run(cursor.until);
      mark.run('floor', floor);
      if (cursor.positions !== null) mark.run('positions', cursor.positions);
    })();
  }

  /** Pending deliveries due at `nowMs`, oldest first. */
  due(nowMs: number, limit: number): OutboxDelivery[] {
    return this.db
      .prepare(
        `SELECT delivery_id, subscription_id, alert_id, url, body, attempts, next_attempt_at FROM webhook_deliveries
      WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, delivery_id LIMIT ? + 0`,
      )
      .all(nowMs, limit) as OutboxDelivery[];
  }

  delivered(deliveryId: string, at: string): void {
    this.db
      .prepare(
        "UPDATE webhook_deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?, last_attempt_at = ? WHERE delivery_id = ?",
      )
      .run(at, at, deliveryId);
  }

  /** A failed attempt: retried at `nextAttemptAt`, or given up (`failed`) when that is null. */
  attemptFailed(deliveryId: string, at: string, error: string, nextAttemptAt: number | null): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `UPDATE webhook_deliveries SET attempts = attempts + 1, last_error = ?, last_failed_at = ?,
        status = CASE WHEN ? IS NULL THEN 'failed' ELSE status END, next_attempt_at = COALESCE(?, next_attempt_at) WHERE delivery_id = ?`,
        )
        .run(error, at, nextAttemptAt, nextAttemptAt, deliveryId);
      this.db
        .prepare(
          "INSERT INTO webhook_counters (name, value) VALUES ('failed_attempts', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
        )
        .run();
    })();
  }

  /** Pending deliveries of subscriptions no longer active are dropped. */
  dropAllBut(activeSubscriptionIds: readonly string[]): void {
    const keep = JSON.stringify(activeSubscriptionIds);
    this.db
      .prepare(
        "UPDATE webhook_deliveries SET status = 'dropped' WHERE status = 'pending' AND subscription_id NOT IN (SELECT value FROM json_each(?))",
      )
      .run(keep);
  }

  stats(): OutboxStats {
    const counts = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM webhook_deliveries GROUP BY status')
      .all() as Array<{ status: string; n: number }>;
    const count = (status: string): number => counts.find((c) => c.status === status)?.n ?? 0;
    const last = this.db
      .prepare(
        'SELECT delivery_id, last_failed_at, last_error FROM webhook_deliveries WHERE last_failed_at IS NOT NULL ORDER BY last_failed_at DESC LIMIT 1',
      )
      .get() as { delivery_id: string; last_failed_at: string; last_error: string } | undefined;
    const failedAttempts =
      (
        this.db.prepare("SELECT value FROM webhook_counters WHERE name = 'failed_attempts'").get() as
          { value: number } | undefined
      )?.value ?? 0;
    return {
      pending: count('pending'),
      delivered: count('delivered'),
      failed: count('failed'),
      dropped: count('dropped'),
      failedAttempts,
      lastFailure:
        last === undefined ? null : { deliveryId: last.delivery_id, at: last.last_failed_at, error: last.last_error },
      queuedUntil: this.queuedUntil() ?? null,
    };
  }

  close(): void {
    this.db.close();
  }
}
