import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@salesbook/eventstore';

/** An event a policy could not act on, kept for retry and shown by `/projections/status`. */
export interface ParkedPolicyEvent {
  readonly position: string;
  readonly streamName: string;
  readonly type: string;
  /** The latest refusal code or error message. */
  readonly reason: string;
  /** Tries so far (the first included). */
  readonly attempts: number;
  readonly parkedAt: string;
}

type Row = [position: string, streamName: string, type: string, reason: string, attempts: number, parkedAt: string];

/** Parked policy events, in the read-model file beside the policy checkpoints (so they survive a restart). */
export class PolicyParking {
  private readonly upsert: Database.Statement<[string, string, string, string, string, string]>;
  private readonly select: Database.Statement<[string], Row>;
  private readonly remove: Database.Statement<[string, string]>;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS policy_parked (
      policy TEXT NOT NULL, position TEXT NOT NULL, stream_name TEXT NOT NULL, type TEXT NOT NULL,
      reason TEXT NOT NULL, attempts INTEGER NOT NULL, parked_at TEXT NOT NULL, PRIMARY KEY (policy, position))`);
    this.upsert = db.prepare(`INSERT INTO policy_parked VALUES (?, ?, ?, ?, ?, 1, ?)
      ON CONFLICT (policy, position) DO UPDATE SET reason = excluded.reason, attempts = attempts + 1`);
    this.select = db
      .prepare<[string], Row>(
        'SELECT position, stream_name, type, reason, attempts, parked_at FROM policy_parked WHERE policy = ? ORDER BY CAST(position AS INTEGER), position',
      )
      .raw(true);
    this.remove = db.prepare('DELETE FROM policy_parked WHERE policy = ? AND position = ?');
  }

  /** Parks `event` (or counts one more failed attempt when it is parked already). */
  park(policy: string, event: RecordedEvent, reason: string, at: string): void {
    this.upsert.run(policy, event.position.toString(), event.streamName, event.type, reason, at);
  }

  /** The parked events of `policy`, oldest position first. */
  list(policy: string): ParkedPolicyEvent[] {
    return this.select.all(policy).map(([position, streamName, type, reason, attempts, parkedAt]) => ({
      position,
      streamName,
      type,
      reason,
      attempts,
      parkedAt,
    }));
  }

  /** Takes an event off the list once the policy has acted on it. */
  release(policy: string, position: string): void {
    this.remove.run(policy, position);
  }
}
