import type Database from 'better-sqlite3';

/**
 * Where each policy has read the log up to, kept in the read-model file beside the projections' checkpoints.
 * `advance` coalesces: the position is written once per event-loop turn (one write transaction for a run of
 * events instead of one per event); a crash before the write re-delivers those events, which the policy's
 * idempotent command ids absorb.
 */
export class PolicyCheckpoints {
  private readonly select: Database.Statement<[string], string>;
  private readonly upsert: Database.Statement<[string, string]>;
  private readonly unwritten = new Map<string, bigint>();
  private scheduled: NodeJS.Immediate | undefined;

  constructor(db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS policy_checkpoints (policy TEXT PRIMARY KEY, position TEXT NOT NULL)');
    this.select = db.prepare<[string], string>('SELECT position FROM policy_checkpoints WHERE policy = ?').pluck();
    this.upsert = db.prepare('INSERT INTO policy_checkpoints (policy, position) VALUES (?, ?) ON CONFLICT (policy) DO UPDATE SET position = excluded.position');
  }

  read(policy: string): bigint | undefined {
    const text = this.select.get(policy);
    return text === undefined ? undefined : BigInt(text);
  }

  /** Writes at once. */
  write(policy: string, position: bigint): void {
    this.unwritten.delete(policy);
    this.upsert.run(policy, position.toString());
  }

  /** Records that everything up to `position` was handled; written on the next turn of the event loop (or by {@link flush}). */
  advance(policy: string, position: bigint): void {
    this.unwritten.set(policy, position);
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Writes the positions `advance` still holds. */
  flush(): void {
    if (this.scheduled !== undefined) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    for (const [policy, position] of [...this.unwritten]) this.write(policy, position);
  }
}
