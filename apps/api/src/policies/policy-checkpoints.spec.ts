import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { POLICY_CHECKPOINT_DELAY_MS, PolicyCheckpoints } from './policy-checkpoints.js';

describe('PolicyCheckpoints', () => {
  let dir: string;
  let db: Database.Database;
  const stored = (): string | undefined =>
    db.prepare<[], string>("SELECT position FROM policy_checkpoints WHERE policy = 'p'").pluck().get();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-policy-'));
    db = new Database(join(dir, 'readmodels.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the newest position at once, and writes it only after the delay', async () => {
    const checkpoints = new PolicyCheckpoints(db);
    checkpoints.advance('p', 3n);
    checkpoints.advance('p', 7n);
    expect(checkpoints.read('p')).toBe(7n);
    expect(stored()).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, POLICY_CHECKPOINT_DELAY_MS + 50));
    expect(stored()).toBe('7');
    // A fresh instance (a restart) reads what was written.
    expect(new PolicyCheckpoints(db).read('p')).toBe(7n);
  });

  it('writes what it holds on flush (shutdown), and a write supersedes a pending advance', () => {
    const checkpoints = new PolicyCheckpoints(db);
    checkpoints.advance('p', 5n);
    checkpoints.flush();
    expect(stored()).toBe('5');
    checkpoints.advance('p', 6n);
    checkpoints.write('p', 9n);
    checkpoints.flush();
    expect(stored()).toBe('9');
    expect(checkpoints.read('p')).toBe(9n);
  });
});
