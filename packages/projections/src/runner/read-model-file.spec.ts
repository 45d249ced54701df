import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openReadModels } from './read-model-file.js';

describe('openReadModels', () => {
  it('opens an owner-only file in WAL mode with synchronous NORMAL and a busy timeout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
    const path = join(dir, 'nested', 'readmodels.db');
    const db = openReadModels(path);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(statSync(path).mode & 0o077).toBe(0);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
