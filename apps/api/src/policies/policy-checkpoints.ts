import type Database from 'better-sqlite3';

/** Where each policy has read the log up to, kept in the read-model file beside the projections' checkpoints. */
export class PolicyCheckpoints {
  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS policy_checkpoints (policy TEXT PRIMARY KEY, position TEXT NOT NULL)');
  }

  read(policy: string): bigint | undefined {
    const text = this.db.prepare('SELECT position FROM policy_checkpoints WHERE policy = ?').pluck().get(policy) as string | undefined;
    return text === undefined ? undefined : BigInt(text);
  }

  write(policy: string, position: bigint): void {
    this.db
      .prepare('INSERT INTO policy_checkpoints (policy, position) VALUES (?, ?) ON CONFLICT (policy) DO UPDATE SET position = excluded.position')
      .run(policy, position.toString());
  }
}
