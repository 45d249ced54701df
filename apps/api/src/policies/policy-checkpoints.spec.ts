import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PolicyCheckpoints, POLICY_CHECKPOINT_DELAY_MS } from './policy-checkpoints.js';

// A real read-model file whose write lock another connection holds (as the read-model thread or another process
// would): the delayed write of a policy's position is refused at once, which must neither wait on the event loop for the
// lock, nor throw from its timer (that ends the process), nor lose the position.

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

it('keeps a position it cannot write while the file is locked, without waiting for the lock, and writes it once the lock is gone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'salesbook-policy-checkpoints-'));
  const path = join(dir, 'readmodels.db');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // The API's own timeout: a write that waited for the lock would hold the event loop for seconds.
  db.pragma('busy_timeout = 5000');
  const other = new Database(path);
  try {
    const checkpoints = new PolicyCheckpoints(db);
    other.exec('BEGIN IMMEDIATE');
    checkpoints.advance('order-to-receivable', 42n);
    // The event loop keeps turning while the write is refused and tried again: no turn is held for long.
    let longest = 0;
    let last = performance.now();
    const beat = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 5);
    await wait(POLICY_CHECKPOINT_DELAY_MS * 3);
    clearInterval(beat);
    expect(longest).toBeLessThan(250);
    expect(checkpoints.read('order-to-receivable')).toBe(42n);
    other.exec('COMMIT');
    const stored = () =>
      other.prepare('SELECT position FROM policy_checkpoints WHERE policy = ?').pluck().get('order-to-receivable');
    // The retry comes about 10 ms after the refused write: polled, as timers run late on a busy machine.
    for (let tries = 0; stored() !== '42' && tries < 200; tries += 1) await wait(50);
    expect(stored()).toBe('42');
  } finally {
    other.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
