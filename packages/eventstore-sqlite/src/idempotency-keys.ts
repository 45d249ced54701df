import { compareBinding, type IdempotencyKeyBinding, type IdempotencyKeyOutcome } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';

/** Idempotency keys live in the event file beside the log, so every process on the file sees the same bindings. */
export const IDEMPOTENCY_SCHEMA = `
CREATE TABLE IF NOT EXISTS idempotency_keys (
  key TEXT PRIMARY KEY,
  fingerprint TEXT NOT NULL,
  bound_at TEXT NOT NULL
) WITHOUT ROWID;
`;

type StoredBinding = [fingerprint: string, boundAt: string];

/**
 * Binds keys in one statement: the insert that loses a race to another connection inserts nothing, and the
 * select then reads the winner. The row reaches the disk with the WAL's next sync, at the latest when the
 * command it guards appends its events (the key is bound before the command runs).
 */
export function createIdempotencyKeys(
  db: Database.Database,
): (binding: IdempotencyKeyBinding) => IdempotencyKeyOutcome {
  const insert = db.prepare<[string, string, string]>(
    'INSERT INTO idempotency_keys (key, fingerprint, bound_at) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING',
  );
  const select = db
    .prepare<[string], StoredBinding>('SELECT fingerprint, bound_at FROM idempotency_keys WHERE key = ?')
    .raw(true);
  return (binding) => {
    if (insert.run(binding.key, binding.fingerprint, binding.boundAt).changes === 1) return { kind: 'bound' };
    const stored = select.get(binding.key);
    if (stored === undefined) throw new Error(`idempotency key ${binding.key} was neither inserted nor found`);
    return compareBinding({ fingerprint: stored[0], boundAt: stored[1] }, binding);
  };
}
