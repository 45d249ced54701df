import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSync } from './file-sync.js';

describe('createFileSync (fsync off the event loop)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-filesync-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs a real file; a call while one sync runs shares the next one, which starts after it', async () => {
    const file = join(dir, 'events.db-wal');
    writeFileSync(file, 'frame 1');
    const wal = createFileSync(file);
    let settled = false;
    const first = wal.sync().then(() => (settled = true));
    // The fsync runs on the thread pool: the call returns before it is done.
    expect(settled).toBe(false);
    appendFileSync(file, 'frame 2');
    const second = wal.sync();
    const third = wal.sync();
    expect(second).toBe(third);
    expect(second).not.toBe(first);
    await expect(Promise.all([first, second])).resolves.toEqual([true, undefined]);
    // Once both ended, a new call starts a new sync.
    const fourth = wal.sync();
    expect(fourth).not.toBe(second);
    await fourth;
    wal.close();
  });

  it('rejects when the file cannot be opened, and the next call tries again', async () => {
    const file = join(dir, 'later-wal');
    const wal = createFileSync(file);
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    writeFileSync(file, 'now it exists');
    await expect(wal.sync()).resolves.toBeUndefined();
    wal.close();
  });
});
